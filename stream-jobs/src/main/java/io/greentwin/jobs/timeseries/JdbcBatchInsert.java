package io.greentwin.jobs.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Batched prepared inserts (H2): one batch per 1,000 rows. */
final class JdbcBatchInsert implements BulkInsert {
  private static final int BATCH = 1_000;

  /** Sets one row's parameters on the insert statement. */
  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement ps, T row) throws SQLException;
  }

  @Override
  public void rollups(Connection c, Rollup level, List<TimeSeriesRow> rows) throws SQLException {
    insert(
        c,
        "INSERT INTO " + level.table() + " (" + ROLLUP_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)",
        rows,
        (ps, r) -> {
          ps.setLong(1, r.bucketStartMs());
          ps.setLong(2, r.seriesId());
          ps.setInt(3, Math.toIntExact(r.count()));
          ps.setDouble(4, r.sum());
          ps.setDouble(5, r.min());
          ps.setDouble(6, r.max());
          ps.setDouble(7, r.last());
          ps.setLong(8, r.firstTMs());
          ps.setLong(9, r.lastTMs());
        });
  }

  @Override
  public void minutes(Connection c, List<TimeSeriesRow> rows) throws SQLException {
    insert(
        c,
        "INSERT INTO ts_rollup_1m (" + MINUTE_COLUMNS + ") VALUES (?,?,?,?)",
        rows,
        (ps, r) -> {
          ps.setLong(1, r.bucketStartMs());
          ps.setLong(2, r.seriesId());
          ps.setInt(3, Math.toIntExact(r.count()));
          ps.setBytes(4, r.block());
        });
  }

  @Override
  public void raw(Connection c, List<PackedRow> rows) throws SQLException {
    insert(
        c,
        "INSERT INTO ts_raw (" + RAW_COLUMNS + ") VALUES (?,?,?,?,?)",
        rows,
        (ps, r) -> {
          ps.setLong(1, r.bucketStartMs());
          ps.setInt(2, r.shard());
          ps.setInt(3, r.seriesCount());
          ps.setInt(4, r.sampleCount());
          ps.setBytes(5, r.blocks());
        });
  }

  private static <T> void insert(Connection c, String sql, List<T> rows, Binder<T> binder)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int n = 0;
      for (T r : rows) {
        binder.bind(ps, r);
        ps.addBatch();
        if (++n % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
