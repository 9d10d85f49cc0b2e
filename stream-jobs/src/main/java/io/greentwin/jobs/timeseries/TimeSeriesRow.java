package io.greentwin.jobs.timeseries;

import java.util.Objects;

/**
 * One row for the time-series tables, as the aggregating operator hands it to the sink: a
 * dictionary entry ({@link Kind#SERIES}), one series' raw block of a minute ({@link Kind#RAW}), the
 * 1-min roll-ups of one series and quarter hour ({@link Kind#MINUTE}, packed by {@link
 * MinuteCodec}) or a 15-min or 1-h roll-up bucket. Flat on purpose (Flink serialises it as a POJO,
 * never with Kryo); fields a kind does not use are zero or null.
 *
 * @param kind what the row is
 * @param seriesId {@link SeriesIds#of}
 * @param bucketStartMs start of the minute (raw), quarter hour (1-min roll-ups) or roll-up bucket;
 *     first-seen time for a series
 * @param count samples in the bucket (raw: in the block; 1-min roll-ups: in the quarter)
 * @param sum sum of the values (roll-ups)
 * @param min smallest value (roll-ups)
 * @param max largest value (roll-ups)
 * @param last value at {@code lastTMs} (roll-ups)
 * @param firstTMs first sample time (roll-ups)
 * @param lastTMs last sample time (roll-ups)
 * @param block the encoded samples ({@link BlockCodec#encode}) of a raw row, the packed minutes
 *     ({@link MinuteCodec#encode}) of a 1-min roll-up row
 * @param thingId series rows only
 * @param feature series rows only
 * @param property series rows only
 * @param unit series rows only
 */
public record TimeSeriesRow(
    Kind kind,
    long seriesId,
    long bucketStartMs,
    long count,
    double sum,
    double min,
    double max,
    double last,
    long firstTMs,
    long lastTMs,
    byte[] block,
    String thingId,
    String feature,
    String property,
    String unit) {

  /** What a row is; a roll-up kind names its level. */
  public enum Kind {
    SERIES(null),
    RAW(null),
    MINUTE(Rollup.MINUTE),
    QUARTER_HOUR(Rollup.QUARTER_HOUR),
    HOUR(Rollup.HOUR);

    private final Rollup rollup;

    Kind(Rollup rollup) {
      this.rollup = rollup;
    }

    /** The roll-up level, or null for series and raw rows. */
    public Rollup rollup() {
      return rollup;
    }

    static Kind of(Rollup r) {
      return switch (r) {
        case MINUTE -> MINUTE;
        case QUARTER_HOUR -> QUARTER_HOUR;
        case HOUR -> HOUR;
      };
    }
  }

  public TimeSeriesRow {
    Objects.requireNonNull(kind, "kind");
  }

  public static TimeSeriesRow series(
      long seriesId, String thingId, String feature, String property, String unit, long seenMs) {
    return new TimeSeriesRow(
        Kind.SERIES, seriesId, seenMs, 0, 0, 0, 0, 0, 0, 0, null, thingId, feature, property, unit);
  }

  public static TimeSeriesRow raw(long seriesId, long minuteStartMs, int count, byte[] block) {
    return new TimeSeriesRow(
        Kind.RAW, seriesId, minuteStartMs, count, 0, 0, 0, 0, 0, 0, block, null, null, null, null);
  }

  public static TimeSeriesRow minutes(
      long seriesId, long quarterStartMs, long count, byte[] minutes) {
    return new TimeSeriesRow(
        Kind.MINUTE,
        seriesId,
        quarterStartMs,
        count,
        0,
        0,
        0,
        0,
        0,
        0,
        minutes,
        null,
        null,
        null,
        null);
  }

  /** A 15-min or 1-h roll-up (1-min ones are packed: {@link #minutes}). */
  public static TimeSeriesRow rollup(
      Rollup level, long seriesId, long bucketStartMs, SeriesAggregate a) {
    if (level == Rollup.MINUTE) {
      throw new IllegalArgumentException("1-min roll-ups are packed per quarter hour");
    }
    return new TimeSeriesRow(
        Kind.of(level),
        seriesId,
        bucketStartMs,
        a.count(),
        a.sum(),
        a.min(),
        a.max(),
        a.last(),
        a.firstTMs(),
        a.lastTMs(),
        null,
        null,
        null,
        null,
        null);
  }

  /** The roll-up of a roll-up row. */
  public SeriesAggregate aggregate() {
    return new SeriesAggregate(count, sum, min, max, last, firstTMs, lastTMs);
  }
}
