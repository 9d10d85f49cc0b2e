package io.greentwin.jobs.timeseries;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Appends many rows to the time-series tables inside the caller's transaction. */
interface BulkInsert {
  String ROLLUP_COLUMNS =
      "bucket_start_ms, series_id, sample_count, sum_v, min_v, max_v, last_v, first_t_ms,"
          + " last_t_ms";
  String RAW_COLUMNS = "bucket_start_ms, shard, series_count, sample_count, blocks";
  String MINUTE_COLUMNS = "bucket_start_ms, series_id, sample_count, minutes";

  /** 15-min or 1-h roll-ups. */
  void rollups(Connection c, Rollup level, List<TimeSeriesRow> rows) throws SQLException;

  /** Packed 1-min roll-ups. */
  void minutes(Connection c, List<TimeSeriesRow> rows) throws SQLException;

  void raw(Connection c, List<PackedRow> rows) throws SQLException;

  /** Binary COPY on PostgreSQL (≈ 0.6 M rows/s here), JDBC batches elsewhere. */
  static BulkInsert forUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? new PgCopyInsert() : new JdbcBatchInsert();
  }
}
