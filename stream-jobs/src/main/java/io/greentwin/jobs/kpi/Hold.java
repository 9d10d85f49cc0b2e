package io.greentwin.jobs.kpi;

/**
 * Sample-and-hold state of one sensor: its last value, held from that reading on for at most a
 * maximum hold, and how far its energy has been accounted. Pure; the integrator keeps it in state.
 *
 * @param value the last reading's value (kW, or L/h for water)
 * @param lastReadingMs event time of the last reading, epoch ms
 * @param accountedToMs the energy up to this instant has been counted, epoch ms
 */
public record Hold(double value, long lastReadingMs, long accountedToMs) {
  private static final double MS_PER_HOUR = 3_600_000.0;

  /** The hold a sensor's first reading starts. */
  static Hold first(long timeMs, double value) {
    return new Hold(value, timeMs, timeMs);
  }

  /**
   * What the held value contributes from {@link #accountedToMs} up to {@code toMs}, but not past
   * {@code lastReadingMs + maxHoldMs}: kWh for a power in kW, litres for a flow in L/h.
   */
  double amountUntil(long toMs, long maxHoldMs) {
    long end = Math.min(toMs, lastReadingMs + maxHoldMs);
    return end > accountedToMs ? value * (end - accountedToMs) / MS_PER_HOUR : 0;
  }

  /** The hold after a newer reading, everything before it accounted. */
  Hold next(long timeMs, double newValue) {
    return new Hold(newValue, timeMs, Math.max(accountedToMs, timeMs));
  }

  /** The same hold, accounted up to {@code toMs}. */
  Hold accountedTo(long toMs) {
    return new Hold(value, lastReadingMs, Math.max(accountedToMs, toMs));
  }

  /** True while the held value still counts at {@code timeMs}. */
  boolean holdsAt(long timeMs, long maxHoldMs) {
    return timeMs < lastReadingMs + maxHoldMs;
  }
}
