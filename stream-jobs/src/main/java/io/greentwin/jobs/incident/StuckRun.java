package io.greentwin.jobs.incident;

/**
 * The current run of identical values of a sensor. Pure; kept in keyed state.
 *
 * @param value the repeated value
 * @param startMs time of the run's first sample
 * @param count samples in the run
 * @param varied whether the sensor's value has ever changed (a sensor that never varied is a
 *     set-point, not a stuck sensor)
 * @param active whether the run has been reported as stuck
 */
public record StuckRun(double value, long startMs, int count, boolean varied, boolean active) {
  /** The run after one more sample. */
  StuckRun next(double v, long timeMs) {
    if (count > 0 && Double.compare(v, value) == 0) {
      return new StuckRun(value, startMs, count + 1, varied, active);
    }
    return new StuckRun(v, timeMs, 1, varied || count > 0, false);
  }

  /**
   * Whether this run, seen at {@code nowMs}, makes the sensor stuck: at least {@code minSamples}
   * values and {@code minMs} long, non-zero, after the sensor varied.
   */
  boolean stuck(int minSamples, long minMs, long nowMs) {
    return varied && count >= minSamples && nowMs - startMs >= minMs && value != 0;
  }

  /** The same run, reported. */
  StuckRun reported() {
    return new StuckRun(value, startMs, count, varied, true);
  }
}
