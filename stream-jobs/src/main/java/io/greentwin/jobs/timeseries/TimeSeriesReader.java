package io.greentwin.jobs.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads a series back from the time-series tables as epoch-aligned steps, each rolled up: the
 * gateway's {@code /api/2/timeseries} answers from it.
 *
 * <p>{@code [from, to)} is covered by the coarsest roll-up whose width divides the step, its
 * unaligned ends by the next finer level, down to raw blocks for what no roll-up covers; so a step
 * of 1 h over a month reads 720 hourly rows, and the result counts every sample in {@code [from,
 * to)} exactly once. A bucket that ends after the writers' progress (the slowest sink's watermark)
 * may still be incomplete and is read from the next finer level too. Of several rows of one bucket
 * (late data, replays) the one with the most samples wins; raw samples repeated across blocks count
 * once.
 */
public final class TimeSeriesReader {
  private static final int PROBES = 128;
  private static final String PARAMS = "?" + ",?".repeat(PROBES - 1);

  private final DataSource dataSource;

  public TimeSeriesReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One step: its start and the roll-up of its samples. */
  public record Point(long startMs, SeriesAggregate aggregate) {}

  /**
   * The non-empty steps of a series in {@code [fromMs, toMs)}, or empty when the store does not
   * know the series.
   */
  public Optional<List<Point>> read(
      String thingId, String feature, String property, long fromMs, long toMs, long stepMs)
      throws SQLException {
    if (stepMs < 1 || fromMs >= toMs) {
      throw new IllegalArgumentException("need step >= 1 ms and from < to");
    }
    try (Connection c = dataSource.getConnection()) {
      Optional<Long> id = seriesId(c, thingId, feature, property);
      if (id.isEmpty()) {
        return Optional.empty();
      }
      Query q = new Query(c, id.get(), stepMs, completeEnd(c));
      q.cover(fromMs, toMs, coarsest(stepMs));
      List<Point> points = new ArrayList<>(q.steps.size());
      q.steps.forEach((start, agg) -> points.add(new Point(start, agg)));
      return Optional.of(points);
    }
  }

  private static Optional<Long> seriesId(Connection c, String thing, String feature, String prop)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT series_id FROM ts_series WHERE thing_id = ? AND feature = ? AND property = ?")) {
      ps.setString(1, thing);
      ps.setString(2, feature);
      ps.setString(3, prop);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Buckets that end at or before this are complete in the roll-ups. */
  private static long completeEnd(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MIN(watermark_ms) FROM ts_progress");
        ResultSet rs = ps.executeQuery()) {
      long wm = rs.next() ? rs.getLong(1) : 0;
      return rs.wasNull() || wm == Long.MAX_VALUE ? Long.MAX_VALUE : wm + 1;
    }
  }

  /** Index into {@link Rollup#values()} of the coarsest level dividing the step; -1 for raw. */
  private static int coarsest(long stepMs) {
    Rollup[] levels = Rollup.values();
    for (int i = levels.length - 1; i >= 0; i--) {
      if (stepMs % levels[i].widthMs() == 0) {
        return i;
      }
    }
    return -1;
  }

  /** One read: the steps filled so far. */
  private static final class Query {
    final Connection c;
    final long seriesId;
    final long stepMs;
    final long completeEnd;
    final TreeMap<Long, SeriesAggregate> steps = new TreeMap<>();

    Query(Connection c, long seriesId, long stepMs, long completeEnd) {
      this.c = c;
      this.seriesId = seriesId;
      this.stepMs = stepMs;
      this.completeEnd = completeEnd;
    }

    void cover(long lo, long hi, int level) throws SQLException {
      if (lo >= hi) {
        return;
      }
      if (level < 0) {
        raw(lo, hi);
        return;
      }
      Rollup r = Rollup.values()[level];
      long w = r.widthMs();
      long a = Math.floorDiv(lo, w) * w + (Math.floorMod(lo, w) == 0 ? 0 : w);
      // 1-min roll-ups are written with their quarter hour
      Rollup written = r == Rollup.MINUTE ? Rollup.QUARTER_HOUR : r;
      long b = Math.min(r.bucketStart(hi), written.bucketStart(completeEnd));
      if (a < b) {
        if (r == Rollup.MINUTE) {
          minutes(a, b);
        } else {
          rollup(r, a, b);
        }
        cover(lo, a, level - 1);
        cover(b, hi, level - 1);
      } else {
        cover(lo, hi, level - 1);
      }
    }

    /** The buckets {@code [a, b)} of a level, by index probes of (bucket, series). */
    private void rollup(Rollup r, long a, long b) throws SQLException {
      String sql =
          "SELECT bucket_start_ms, sample_count, sum_v, min_v, max_v, last_v, first_t_ms,"
              + " last_t_ms FROM "
              + r.table()
              + " WHERE bucket_start_ms IN ("
              + PARAMS
              + ") AND series_id = ?";
      Map<Long, SeriesAggregate> buckets = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (long start = a; start < b; start += PROBES * r.widthMs()) {
          for (int i = 0; i < PROBES; i++) {
            ps.setLong(i + 1, Math.min(start + i * r.widthMs(), b - r.widthMs()));
          }
          ps.setLong(PROBES + 1, seriesId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              SeriesAggregate agg =
                  new SeriesAggregate(
                      rs.getLong(2),
                      rs.getDouble(3),
                      rs.getDouble(4),
                      rs.getDouble(5),
                      rs.getDouble(6),
                      rs.getLong(7),
                      rs.getLong(8));
              buckets.merge(rs.getLong(1), agg, (x, y) -> x.count() >= y.count() ? x : y);
            }
          }
        }
      }
      buckets.forEach(this::add);
    }

    /** The minutes {@code [a, b)} from the packed rows of their quarter hours. */
    private void minutes(long a, long b) throws SQLException {
      Rollup q = Rollup.QUARTER_HOUR;
      String sql =
          "SELECT bucket_start_ms, sample_count, minutes FROM ts_rollup_1m WHERE bucket_start_ms"
              + " IN ("
              + PARAMS
              + ") AND series_id = ?";
      Map<Long, byte[]> quarters = new HashMap<>();
      Map<Long, Long> counts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        long first = q.bucketStart(a);
        long last = q.bucketStart(b - 1);
        for (long start = first; start <= last; start += PROBES * q.widthMs()) {
          for (int i = 0; i < PROBES; i++) {
            ps.setLong(i + 1, Math.min(start + i * q.widthMs(), last));
          }
          ps.setLong(PROBES + 1, seriesId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long quarter = rs.getLong(1);
              if (rs.getLong(2) >= counts.getOrDefault(quarter, -1L)) {
                counts.put(quarter, rs.getLong(2));
                quarters.put(quarter, rs.getBytes(3));
              }
            }
          }
        }
      }
      quarters.forEach(
          (quarter, packed) -> {
            for (MinuteCodec.Minute m : MinuteCodec.decode(quarter, packed)) {
              if (m.startMs() >= a && m.startMs() < b) {
                add(m.startMs(), m.aggregate());
              }
            }
          });
    }

    /** Raw samples in {@code [lo, hi)}, repeated (time, value) pairs across blocks once. */
    private void raw(long lo, long hi) throws SQLException {
      String sql =
          "SELECT bucket_start_ms, blocks FROM ts_raw"
              + " WHERE bucket_start_ms >= ? AND bucket_start_ms < ? AND shard = ?";
      Map<Long, List<BlockCodec.Samples>> minutes = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, Math.floorDiv(lo, Rollup.RAW_BLOCK_MS) * Rollup.RAW_BLOCK_MS);
        ps.setLong(2, hi);
        ps.setInt(3, SeriesIds.shard(seriesId, PackedRow.SHARDS));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            BlockCodec.Samples s = BlockCodec.unpack(rs.getLong(1), rs.getBytes(2), seriesId);
            if (s != null) {
              minutes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(s);
            }
          }
        }
      }
      for (List<BlockCodec.Samples> blocks : minutes.values()) {
        RawSamples.distinct(blocks).forEach((t, v) -> addSample(t, v, lo, hi));
      }
    }

    private void addSample(long t, double v, long lo, long hi) {
      if (t >= lo && t < hi) {
        add(t, SeriesAggregate.of(t, v));
      }
    }

    private void add(long t, SeriesAggregate agg) {
      steps.merge(Math.floorDiv(t, stepMs) * stepMs, agg, SeriesAggregate::merge);
    }
  }
}
