package io.greentwin.jobs.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How the twin sync job runs.
 *
 * @param coalesceInterval one merge per thing per this interval (default 1 s)
 * @param flushTrigger which clock paces the merges (default processing time, see {@link
 *     FlushTrigger})
 * @param maxOutOfOrderness how far behind the newest event time a reading may arrive before the
 *     watermark has passed it (default 60 s: two sampling intervals of the demo campus)
 * @param idleness after how long without readings a source partition stops holding watermarks back
 *     (default 30 s; zero: never)
 * @param checkpointInterval how often to checkpoint (default 10 s; zero: no checkpoints)
 * @param parallelism parallelism of the parse, de-duplication and coalescing operators (0: the
 *     environment's default)
 */
public record TwinSyncConfig(
    Duration coalesceInterval,
    FlushTrigger flushTrigger,
    Duration maxOutOfOrderness,
    Duration idleness,
    Duration checkpointInterval,
    int parallelism) {

  public TwinSyncConfig {
    Objects.requireNonNull(flushTrigger, "flushTrigger");
    positive("coalesceInterval", coalesceInterval);
    notNegative("maxOutOfOrderness", maxOutOfOrderness);
    notNegative("idleness", idleness);
    notNegative("checkpointInterval", checkpointInterval);
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must be >= 0 but was " + parallelism);
    }
  }

  /** The defaults documented on each field. */
  public static TwinSyncConfig defaults() {
    return new TwinSyncConfig(
        Duration.ofSeconds(1),
        FlushTrigger.PROCESSING_TIME,
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        0);
  }

  public TwinSyncConfig withCoalesce(Duration interval, FlushTrigger trigger) {
    return new TwinSyncConfig(
        interval, trigger, maxOutOfOrderness, idleness, checkpointInterval, parallelism);
  }

  public TwinSyncConfig withCheckpointInterval(Duration interval) {
    return new TwinSyncConfig(
        coalesceInterval, flushTrigger, maxOutOfOrderness, idleness, interval, parallelism);
  }

  public TwinSyncConfig withParallelism(int p) {
    return new TwinSyncConfig(
        coalesceInterval, flushTrigger, maxOutOfOrderness, idleness, checkpointInterval, p);
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive but was " + d);
    }
  }

  private static void notNegative(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative but was " + d);
    }
  }
}
