package io.greentwin.sim;

import java.util.function.LongSupplier;

/**
 * Paces a run against the wall clock: a tick is not released before its simulated time divided by
 * the speed-up has passed, and readings never exceed the rate cap. Speed or rate 0 means no limit.
 */
public final class Pacer {
  /** Sleeps for the given nanoseconds; injectable for tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final double speed;
  private final double ratePerSecond;
  private final long intervalMs;
  private long startNanos = Long.MIN_VALUE;
  private long readings;

  public Pacer(
      LongSupplier nanoTime, Sleeper sleeper, double speed, double ratePerSecond, long intervalMs) {
    if (speed < 0 || ratePerSecond < 0) {
      throw new IllegalArgumentException("speed and rate must not be negative");
    }
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
    this.speed = speed;
    this.ratePerSecond = ratePerSecond;
    this.intervalMs = intervalMs;
  }

  /** A pacer on the system clock. */
  public static Pacer system(double speed, double ratePerSecond, long intervalMs) {
    return new Pacer(System::nanoTime, Pacer::sleep, speed, ratePerSecond, intervalMs);
  }

  /** Waits until tick {@code tick} may be released. */
  public void awaitTick(long tick) throws InterruptedException {
    start();
    if (speed > 0) {
      waitUntil(startNanos + (long) (tick * intervalMs * 1_000_000.0 / speed));
    }
  }

  /** Counts {@code n} readings given and waits while they run ahead of the rate cap. */
  public void readingsGiven(long n) throws InterruptedException {
    start();
    readings += n;
    if (ratePerSecond > 0) {
      waitUntil(startNanos + (long) (readings * 1e9 / ratePerSecond));
    }
  }

  private void start() {
    if (startNanos == Long.MIN_VALUE) {
      startNanos = nanoTime.getAsLong();
    }
  }

  private void waitUntil(long deadline) throws InterruptedException {
    long wait = deadline - nanoTime.getAsLong();
    if (wait > 0) {
      sleeper.sleepNanos(wait);
    }
  }

  private static void sleep(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }
}
