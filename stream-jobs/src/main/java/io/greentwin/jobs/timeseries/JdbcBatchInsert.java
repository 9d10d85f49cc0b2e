package io.greentwin.jobs.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Batched prepared inserts (H2): one batch per 1,000 rows. */
final class JdbcBatchInsert implements BulkInsert {
  private static final int BATCH = 1_000;

  @Override
  public void rollups(Connection c, Rollup level, List<TimeSeriesRow> rows) throws SQLException {
    String sql =
        "INSERT INTO " + level.table() + " (" + ROLLUP_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (TimeSeriesRow r : rows) {
        ps.setLong(1, r.bucketStartMs());
        ps.setLong(2, r.seriesId());
        ps.setInt(3, Math.toIntExact(r.count()));
        ps.setDouble(4, r.sum());
        ps.setDouble(5, r.min());
        ps.setDouble(6, r.max());
        ps.setDouble(7, r.last());
        ps.setLong(8, r.firstTMs());
        ps.setLong(9, r.lastTMs());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  @Override
  public void minutes(Connection c, List<TimeSeriesRow> rows) throws SQLException {
    String sql = "INSERT INTO ts_rollup_1m (" + MINUTE_COLUMNS + ") VALUES (?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (TimeSeriesRow r : rows) {
        ps.setLong(1, r.bucketStartMs());
        ps.setLong(2, r.seriesId());
        ps.setInt(3, Math.toIntExact(r.count()));
        ps.setBytes(4, r.block());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  @Override
  public void raw(Connection c, List<PackedRow> rows) throws SQLException {
    String sql = "INSERT INTO ts_raw (" + RAW_COLUMNS + ") VALUES (?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (PackedRow r : rows) {
        ps.setLong(1, r.bucketStartMs());
        ps.setInt(2, r.shard());
        ps.setInt(3, r.seriesCount());
        ps.setInt(4, r.sampleCount());
        ps.setBytes(5, r.blocks());
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
