package io.greentwin.jobs.timeseries;

/** The roll-up levels: epoch-aligned buckets of one width, each with its table. */
public enum Rollup {
  MINUTE(60_000L, "ts_rollup_1m"),
  QUARTER_HOUR(900_000L, "ts_rollup_15m"),
  HOUR(3_600_000L, "ts_rollup_1h");

  /** The width of a raw block: one minute, the finest roll-up. */
  public static final long RAW_BLOCK_MS = 60_000L;

  private final long widthMs;
  private final String table;

  Rollup(long widthMs, String table) {
    this.widthMs = widthMs;
    this.table = table;
  }

  public long widthMs() {
    return widthMs;
  }

  public String table() {
    return table;
  }

  /** The start of the bucket holding {@code tMs}. */
  public long bucketStart(long tMs) {
    return Math.floorDiv(tMs, widthMs) * widthMs;
  }
}
