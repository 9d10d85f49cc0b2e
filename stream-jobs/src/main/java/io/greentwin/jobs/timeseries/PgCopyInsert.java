package io.greentwin.jobs.timeseries;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN (FORMAT BINARY)} through pgjdbc's {@link CopyManager}:
 * rows in PostgreSQL's binary tuple format (a 16-bit field count, then each field as a 32-bit
 * length and its big-endian bytes), no text parsing on the server.
 */
final class PgCopyInsert implements BulkInsert {
  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  @Override
  public void rollups(Connection c, Rollup level, List<TimeSeriesRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Tuples t = new Tuples(rows.size() * 90);
    for (TimeSeriesRow r : rows) {
      t.start(9);
      t.int8(r.bucketStartMs());
      t.int8(r.seriesId());
      t.int4(Math.toIntExact(r.count()));
      t.float8(r.sum());
      t.float8(r.min());
      t.float8(r.max());
      t.float8(r.last());
      t.int8(r.firstTMs());
      t.int8(r.lastTMs());
    }
    copy(c, level.table(), ROLLUP_COLUMNS, t);
  }

  @Override
  public void minutes(Connection c, List<TimeSeriesRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Tuples t = new Tuples(rows.stream().mapToInt(r -> r.block().length + 40).sum());
    for (TimeSeriesRow r : rows) {
      t.start(4);
      t.int8(r.bucketStartMs());
      t.int8(r.seriesId());
      t.int4(Math.toIntExact(r.count()));
      t.bytes(r.block());
    }
    copy(c, "ts_rollup_1m", MINUTE_COLUMNS, t);
  }

  @Override
  public void raw(Connection c, List<PackedRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Tuples t = new Tuples(rows.stream().mapToInt(r -> r.blocks().length + 48).sum());
    for (PackedRow r : rows) {
      t.start(5);
      t.int8(r.bucketStartMs());
      t.int4(r.shard());
      t.int4(r.seriesCount());
      t.int4(r.sampleCount());
      t.bytes(r.blocks());
    }
    copy(c, "ts_raw", RAW_COLUMNS, t);
  }

  private static void copy(Connection c, String table, String columns, Tuples t)
      throws SQLException {
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    try {
      copy.copyIn(
          "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT BINARY)", t.finish(), 1 << 16);
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
  }

  /** A COPY BINARY stream under construction, big-endian. */
  private static final class Tuples {
    private ByteBuffer buf;

    Tuples(int capacity) {
      buf = ByteBuffer.allocate(capacity + 32);
      buf.put(SIGNATURE).putInt(0).putInt(0); // flags, header extension length
    }

    void start(int fields) {
      ensure(2).putShort((short) fields);
    }

    void int8(long v) {
      ensure(12).putInt(8).putLong(v);
    }

    void int4(int v) {
      ensure(8).putInt(4).putInt(v);
    }

    void float8(double v) {
      ensure(12).putInt(8).putDouble(v);
    }

    void bytes(byte[] b) {
      ensure(4 + b.length).putInt(b.length).put(b);
    }

    InputStream finish() {
      ensure(2).putShort((short) -1);
      return new ByteArrayInputStream(buf.array(), 0, buf.position());
    }

    private ByteBuffer ensure(int n) {
      if (buf.remaining() < n) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
        buf.flip();
        buf = bigger.put(buf);
      }
      return buf;
    }
  }
}
