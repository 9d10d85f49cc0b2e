package io.greentwin.jobs.timeseries;

import io.greentwin.jobs.jdbc.H2WriteThrough;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers time-series rows and commits them, with the writer's progress, in one transaction: raw
 * blocks packed per minute and shard, packed 1-min roll-ups, 15-min and 1-h roll-ups, by binary
 * COPY (PostgreSQL) or JDBC batches (H2), new series into the dictionary. Writer 0 also applies the
 * retention. Connections come from the Flink JDBC connector's {@link JdbcConnectionProvider}; a
 * failed commit is rolled back and retried as the connector's own writer does ({@link
 * JdbcExecutionOptions#getMaxRetries()} times, 1 s more wait each time, on a new connection when
 * the old one is no longer valid), so a database restart or a dropped connection does not fail the
 * job. A commit the database applied but whose answer was lost is written again: readers take the
 * repeated rows once. Not thread-safe: one per sink subtask.
 */
public final class TimeSeriesWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TimeSeriesWriter.class);
  private final TimeSeriesConfig cfg;
  private final int writerIndex;
  private final JdbcConnectionProvider connections;
  private final int maxRetries;
  private Connection connection;
  private final BulkInsert insert;
  private final Map<Long, TimeSeriesRow> series = new LinkedHashMap<>();
  private final List<TimeSeriesRow> raw = new ArrayList<>();
  private final Map<Rollup, List<TimeSeriesRow>> rollups = new EnumMap<>(Rollup.class);
  private int buffered;
  private long newestBucketMs = Long.MIN_VALUE;
  private long retainedHour = Long.MIN_VALUE;

  private TimeSeriesWriter(
      TimeSeriesConfig cfg, int writerIndex, JdbcConnectionProvider connections)
      throws SQLException {
    this.cfg = cfg;
    this.writerIndex = writerIndex;
    this.connections = connections;
    this.maxRetries = cfg.executionOptions().getMaxRetries();
    this.connection = establish(connections, false);
    this.insert = BulkInsert.forUrl(cfg.jdbcUrl());
    for (Rollup r : Rollup.values()) {
      rollups.put(r, new ArrayList<>());
    }
  }

  /**
   * Opens writer {@code writerIndex} of {@code writerCount}, migrating the schema first; writer 0
   * forgets the progress of writers that no longer exist (the job was rescaled).
   */
  public static TimeSeriesWriter open(TimeSeriesConfig cfg, int writerIndex, int writerCount)
      throws SQLException {
    TimeSeriesDatabase.migrate(cfg);
    TimeSeriesWriter w =
        new TimeSeriesWriter(
            cfg, writerIndex, new SimpleJdbcConnectionProvider(cfg.connectionOptions()));
    try {
      H2WriteThrough.apply(w.connection);
      if (writerIndex == 0) {
        try (PreparedStatement ps =
            w.connection.prepareStatement("DELETE FROM ts_progress WHERE writer_index >= ?")) {
          ps.setInt(1, writerCount);
          ps.executeUpdate();
        }
      }
      w.progress(writerCount, Long.MIN_VALUE, true);
      w.connection.commit();
      return w;
    } catch (SQLException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /** The provider's connection, a new one when {@code renew}, with auto-commit off. */
  private static Connection establish(JdbcConnectionProvider connections, boolean renew)
      throws SQLException {
    try {
      Connection c =
          renew ? connections.reestablishConnection() : connections.getOrEstablishConnection();
      c.setAutoCommit(false);
      return c;
    } catch (ClassNotFoundException e) {
      throw new SQLException("no JDBC driver for the time-series store", e);
    }
  }

  public void add(TimeSeriesRow r) {
    switch (r.kind()) {
      case SERIES -> series.putIfAbsent(r.seriesId(), r);
      case RAW -> raw.add(r);
      default -> rollups.get(r.kind().rollup()).add(r);
    }
    if (r.kind() != TimeSeriesRow.Kind.SERIES) {
      newestBucketMs = Math.max(newestBucketMs, r.bucketStartMs());
    }
    buffered++;
  }

  /** Rows added since the last commit. */
  public int buffered() {
    return buffered;
  }

  /**
   * Writes every buffered row and this writer's watermark (every bucket ending at or before {@code
   * watermarkMs + 1} has been added) in one transaction; nothing on failure.
   */
  public void commit(long watermarkMs) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        write(watermarkMs);
        break;
      } catch (SQLException e) {
        rollbackQuietly();
        boolean lost = !connections.isConnectionValid();
        if (attempt >= maxRetries || !(lost || transientFailure(e))) {
          throw e;
        }
        LOG.warn(
            "time-series writer {}: commit failed ({}), retry {} of {}",
            writerIndex,
            e.getMessage(),
            attempt + 1,
            maxRetries);
        pause(attempt);
        if (lost) {
          reconnect(e);
        }
      } catch (RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
    }
    series.clear();
    raw.clear();
    rollups.values().forEach(List::clear);
    buffered = 0;
    if (writerIndex == 0) {
      retain();
    }
  }

  private void write(long watermarkMs) throws SQLException {
    new SeriesDictionary(connection).register(series.values());
    insert.raw(connection, PackedRow.pack(raw));
    insert.minutes(connection, rollups.get(Rollup.MINUTE));
    insert.rollups(connection, Rollup.QUARTER_HOUR, rollups.get(Rollup.QUARTER_HOUR));
    insert.rollups(connection, Rollup.HOUR, rollups.get(Rollup.HOUR));
    progress(-1, watermarkMs, false);
    connection.commit();
  }

  /**
   * A failure worth retrying on a connection that is still valid: transient or recoverable by the
   * driver's account, a connection class (08) or a transaction rollback (40: serialization failure,
   * deadlock) by SQLState. Anything else — a constraint, a type, a full disk — fails at once.
   */
  static boolean transientFailure(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException
        || e instanceof SQLRecoverableException
        || (state != null && (state.startsWith("08") || state.startsWith("40")));
  }

  /** A new connection; one that cannot be made yet leaves the old one for the next attempt. */
  private void reconnect(SQLException cause) {
    try {
      connection = establish(connections, true);
    } catch (SQLException e) {
      LOG.warn("time-series writer {}: cannot reconnect yet ({})", writerIndex, e.getMessage());
      cause.addSuppressed(e);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.debug("time-series writer {}: rollback failed: {}", writerIndex, e.getMessage());
    }
  }

  /** The connector's back-off: 1 s before the first retry, 1 s more before each next one. */
  private static void pause(int attempt) throws SQLException {
    try {
      Thread.sleep(1000L * (attempt + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting to retry a time-series commit", e);
    }
  }

  private void progress(int writerCount, long watermarkMs, boolean insertIfMissing)
      throws SQLException {
    String sql =
        insertIfMissing
            ? "UPDATE ts_progress SET watermark_ms = ?, writer_count = ? WHERE writer_index = ?"
            : "UPDATE ts_progress SET watermark_ms = ? WHERE writer_index = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, watermarkMs);
      if (insertIfMissing) {
        ps.setInt(2, writerCount);
        ps.setInt(3, writerIndex);
      } else {
        ps.setInt(2, writerIndex);
      }
      if (ps.executeUpdate() == 0 && insertIfMissing) {
        try (PreparedStatement in =
            connection.prepareStatement(
                "INSERT INTO ts_progress (writer_index, writer_count, watermark_ms)"
                    + " VALUES (?, ?, ?)")) {
          in.setInt(1, writerIndex);
          in.setInt(2, writerCount);
          in.setLong(3, watermarkMs);
          in.executeUpdate();
        }
      }
    }
  }

  /** Once per hour of event time: deletes buckets older than each level's retention. */
  private void retain() throws SQLException {
    if (newestBucketMs == Long.MIN_VALUE) {
      return;
    }
    long hour = Rollup.HOUR.bucketStart(newestBucketMs);
    if (hour <= retainedHour) {
      return;
    }
    retainedHour = hour;
    delete("ts_raw", cfg.rawRetention());
    for (Rollup r : Rollup.values()) {
      delete(r.table(), cfg.retention(r));
    }
    connection.commit();
  }

  private void delete(String table, Duration retention) throws SQLException {
    if (retention == null) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM " + table + " WHERE bucket_start_ms < ?")) {
      ps.setLong(1, newestBucketMs - retention.toMillis());
      ps.executeUpdate();
    }
  }

  @Override
  public void close() {
    connections.closeConnection();
  }
}
