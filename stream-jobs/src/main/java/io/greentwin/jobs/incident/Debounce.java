package io.greentwin.jobs.incident;

/**
 * A condition's debounced state: it is raised after {@code raiseSamples} consecutive abnormal
 * samples spanning at least a minimum time, and clears after {@code clearSamples} consecutive
 * normal ones. Pure; kept in keyed state.
 *
 * @param active whether the condition is raised
 * @param run consecutive samples disagreeing with {@code active} so far
 * @param runStartMs time of the first sample of that run, or of the last change when {@code run} is
 *     0
 */
public record Debounce(boolean active, int run, long runStartMs) {
  /** A normal, quiet condition. */
  static final Debounce QUIET = new Debounce(false, 0, 0);

  /**
   * The state after one sample.
   *
   * @param abnormal whether the sample is abnormal
   * @param timeMs its time
   * @param raiseSamples abnormal samples needed to raise
   * @param raiseAfterMs how long the abnormal run must last to raise
   * @param clearSamples normal samples needed to clear
   */
  Debounce next(
      boolean abnormal, long timeMs, int raiseSamples, long raiseAfterMs, int clearSamples) {
    if (abnormal == active) {
      return run == 0 ? this : new Debounce(active, 0, runStartMs);
    }
    int n = run + 1;
    long start = run == 0 ? timeMs : runStartMs;
    boolean flips =
        active ? n >= clearSamples : n >= raiseSamples && timeMs - start >= raiseAfterMs;
    return flips ? new Debounce(!active, 0, start) : new Debounce(active, n, start);
  }

  /** Whether this state changed {@code active} relative to the previous one. */
  boolean changedFrom(Debounce previous) {
    return active != previous.active;
  }

  /** When the last change began: the first sample of the run that flipped it. */
  long changedAtMs() {
    return runStartMs;
  }
}
