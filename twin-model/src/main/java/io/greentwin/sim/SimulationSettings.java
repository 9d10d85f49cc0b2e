package io.greentwin.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate: from {@code start} for {@code duration} of simulated time, every sensor sampled
 * each {@code interval}, noise drawn from {@code seed}.
 */
public record SimulationSettings(long seed, Instant start, Duration duration, Duration interval) {
  public SimulationSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be positive but was " + interval);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative but was " + duration);
    }
  }

  /** The number of ticks (sampling instants) in the run. */
  public long ticks() {
    return duration.toMillis() / interval.toMillis();
  }

  /** The simulated instant of a tick, in epoch milliseconds. */
  public long tickTimeMs(long tick) {
    return start.toEpochMilli() + tick * interval.toMillis();
  }

  /** The interval in hours, for energy counters. */
  public double intervalHours() {
    return interval.toMillis() / 3_600_000.0;
  }
}
