package io.greentwin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * The journal read in seq order over a range, row by row. On H2 the rows stream from the primary
 * key's cursor ({@code SET LAZY_QUERY_EXECUTION 1} for the scan) instead of being collected into a
 * result first: a campus snapshot reads a whole checkpoint interval, ~200,000 rows at 100,000
 * updates/s, which H2 would otherwise hold until the last row is read — in memory, or, beyond
 * {@code h2.maxMemoryRows} (40,000 per GB of heap), serialised to a temporary file and read back.
 * On PostgreSQL they come {@code 10,000} at a time through a cursor, which its JDBC driver opens
 * only inside a transaction (without one it reads the whole result into memory first).
 */
final class JournalScan {
  /**
   * Events with {@code afterSeq < seq <= toSeq}, and at or before {@code atOrBeforeMs} unless null.
   * Event times never fall as seq rises (the writer never stamps a batch earlier than the one
   * before it), so the scan stops at the first event after {@code atOrBeforeMs}: a campus snapshot
   * at a time reads only up to that time, not to the next checkpoint.
   */
  record Range(long afterSeq, long toSeq, Long atOrBeforeMs) {}

  private final boolean postgres;

  JournalScan(boolean postgres) {
    this.postgres = postgres;
  }

  /**
   * The seq of the oldest checkpoint stamped after {@code ms}, or {@link Long#MAX_VALUE} when none:
   * no event at or before {@code ms} comes after it, as a checkpoint is stamped with the time of
   * its last event and event times never fall as seq rises.
   */
  static long firstCheckpointAfter(Connection c, long ms) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT MIN(seq) FROM twin_checkpoint WHERE ts_ms > ?")) {
      ps.setLong(1, ms);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long seq = rs.getLong(1);
        return rs.wasNull() ? Long.MAX_VALUE : seq;
      }
    }
  }

  void rows(Connection c, Range range, Consumer<TwinJournal.RawEvent> sink) throws SQLException {
    String sql =
        "SELECT "
            + TwinJournal.EVENT_COLUMNS
            + " FROM twin_event e WHERE e.seq > ? AND e.seq <= ?"
            + " ORDER BY e.seq";
    long lastMs = range.atOrBeforeMs() == null ? Long.MAX_VALUE : range.atOrBeforeMs();
    boolean streamInTransaction = postgres && c.getAutoCommit();
    if (streamInTransaction) {
      c.setAutoCommit(false); // PostgreSQL's driver honours the fetch size only in a transaction
    }
    lazy(c, true);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, range.afterSeq());
      ps.setLong(2, range.toSeq());
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TwinJournal.RawEvent r = TwinJournal.raw(rs);
          if (r.tsMs() > lastMs) {
            break; // every later event is later still
          }
          sink.accept(r);
        }
      }
    } finally {
      lazy(c, false); // pooled connections return to H2's default
      if (streamInTransaction) {
        c.rollback(); // a read: nothing to commit
        c.setAutoCommit(true);
      }
    }
  }

  private void lazy(Connection c, boolean on) throws SQLException {
    if (!postgres) {
      try (Statement s = c.createStatement()) {
        s.execute("SET LAZY_QUERY_EXECUTION " + (on ? 1 : 0));
      }
    }
  }
}
