package io.greentwin.jobs.source;

import java.util.function.LongSupplier;

/**
 * Holds recorded events until they are due at {@code speed} simulated seconds per wall-clock
 * second: the first event's time is anchored to the clock, and each later one is due at the anchor
 * plus its distance from the first event divided by the speed. An event already due (or earlier
 * than one already passed) is not held. Not thread-safe: one per replaying task.
 */
final class Pacing {
  /** How the caller waits (the task's thread sleeps). */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long ms) throws InterruptedException;
  }

  private final double speed;
  private final LongSupplier wallMs;
  private final Sleeper sleeper;
  private long firstEventMs = Long.MIN_VALUE;
  private long anchorWallMs;

  /**
   * @param wallMs the wall clock in ms (the injected {@code Clock}'s {@code millis})
   */
  Pacing(double speed, LongSupplier wallMs, Sleeper sleeper) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("pacing needs a speed above 0: " + speed);
    }
    this.speed = speed;
    this.wallMs = wallMs;
    this.sleeper = sleeper;
  }

  /** Returns once the event at {@code eventMs} is due. */
  void hold(long eventMs) throws InterruptedException {
    if (firstEventMs == Long.MIN_VALUE) {
      firstEventMs = eventMs;
      anchorWallMs = wallMs.getAsLong();
      return;
    }
    long dueWallMs = anchorWallMs + (long) ((eventMs - firstEventMs) / speed);
    long waitMs = dueWallMs - wallMs.getAsLong();
    if (waitMs > 0) {
      sleeper.sleep(waitMs);
    }
  }
}
