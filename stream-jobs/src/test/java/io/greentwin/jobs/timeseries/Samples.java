package io.greentwin.jobs.timeseries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Known samples of one series, what the job would write for them, and their true roll-ups. */
public record Samples(
    String thingId, String feature, String property, long[] timesMs, double[] values) {

  public long id() {
    return SeriesIds.of(thingId, feature, property);
  }

  /** One sample every {@code intervalMs} in {@code [fromMs, toMs)}, random 3-decimal values. */
  public static Samples regular(
      String thingId, String property, long fromMs, long toMs, long intervalMs, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = (int) ((toMs - fromMs) / intervalMs);
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = fromMs + i * intervalMs + rnd.nextLong(Math.max(1, intervalMs / 4));
      v[i] = Math.round(rnd.nextDouble(10, 40) * 1000) / 1000.0;
    }
    return new Samples(thingId, "power", property, t, v);
  }

  /**
   * The rows a writer gets for the samples once the watermark is {@code watermarkMs}: the series,
   * then per closed minute a raw block and a 1-min roll-up, and every closed 15-min and 1-h bucket.
   */
  public List<TimeSeriesRow> rows(long watermarkMs) {
    List<TimeSeriesRow> rows = new ArrayList<>();
    rows.add(TimeSeriesRow.series(id(), thingId, feature, property, "kW", timesMs[0]));
    TreeMap<Long, List<Integer>> minutes = new TreeMap<>();
    for (int i = 0; i < timesMs.length; i++) {
      minutes.computeIfAbsent(Rollup.MINUTE.bucketStart(timesMs[i]), k -> new ArrayList<>()).add(i);
    }
    minutes.forEach(
        (minute, idx) -> {
          if (minute + Rollup.RAW_BLOCK_MS - 1 <= watermarkMs) {
            long[] t = idx.stream().mapToLong(i -> timesMs[i]).toArray();
            double[] v = idx.stream().mapToDouble(i -> values[i]).toArray();
            rows.add(
                TimeSeriesRow.raw(
                    id(), minute, t.length, BlockCodec.encode(minute, t, v, 0, t.length)));
          }
        });
    Rollup q = Rollup.QUARTER_HOUR;
    truth(Long.MIN_VALUE, Long.MAX_VALUE, q.widthMs())
        .forEach(
            (start, agg) -> {
              if (start + q.widthMs() - 1 <= watermarkMs) {
                rows.add(minutesRow(start));
              }
            });
    for (Rollup level : List.of(Rollup.QUARTER_HOUR, Rollup.HOUR)) {
      truth(Long.MIN_VALUE, Long.MAX_VALUE, level.widthMs())
          .forEach(
              (start, agg) -> {
                if (start + level.widthMs() - 1 <= watermarkMs) {
                  rows.add(TimeSeriesRow.rollup(level, id(), start, agg));
                }
              });
    }
    return rows;
  }

  /**
   * The roll-up of the samples in {@code [fromMs, toMs)} per epoch-aligned step, by brute force.
   */
  public TreeMap<Long, SeriesAggregate> truth(long fromMs, long toMs, long stepMs) {
    TreeMap<Long, SeriesAggregate> steps = new TreeMap<>();
    for (int i = 0; i < timesMs.length; i++) {
      if (timesMs[i] >= fromMs && timesMs[i] < toMs) {
        steps.merge(
            Math.floorDiv(timesMs[i], stepMs) * stepMs,
            SeriesAggregate.of(timesMs[i], values[i]),
            SeriesAggregate::merge);
      }
    }
    return steps;
  }

  /** The packed 1-min roll-ups of the quarter hour starting at {@code quarterStartMs}. */
  public TimeSeriesRow minutesRow(long quarterStartMs) {
    long end = quarterStartMs + Rollup.QUARTER_HOUR.widthMs();
    List<MinuteCodec.Minute> minutes = new ArrayList<>();
    truth(quarterStartMs, end, Rollup.MINUTE.widthMs())
        .forEach((m, agg) -> minutes.add(new MinuteCodec.Minute(m, agg)));
    long count = minutes.stream().mapToLong(m -> m.aggregate().count()).sum();
    return TimeSeriesRow.minutes(
        id(), quarterStartMs, count, MinuteCodec.encode(quarterStartMs, minutes));
  }

  /** The samples before {@code endMs}. */
  public Samples before(long endMs) {
    int n = 0;
    while (n < timesMs.length && timesMs[n] < endMs) {
      n++;
    }
    return new Samples(
        thingId,
        feature,
        property,
        java.util.Arrays.copyOf(timesMs, n),
        java.util.Arrays.copyOf(values, n));
  }

  static Map<Long, SeriesAggregate> asMap(List<TimeSeriesReader.Point> points) {
    TreeMap<Long, SeriesAggregate> m = new TreeMap<>();
    points.forEach(p -> m.put(p.startMs(), p.aggregate()));
    return m;
  }
}
