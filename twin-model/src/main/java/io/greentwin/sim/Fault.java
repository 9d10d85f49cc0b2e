package io.greentwin.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected fault: what, on which thing (and optionally which {@code feature/property}), from
 * which offset after the simulation start and for how long. {@code magnitude} is per type: the
 * stuck valve's position in %, a spike's size in the sensor's unit, the number of malformed
 * messages per tick, the standby pump's start delay in seconds; {@code skew} shifts event times;
 * {@code delayTicks} holds readings back for out-of-order delivery.
 */
public record Fault(
    FaultType type,
    String thingId,
    String point,
    Duration start,
    Duration duration,
    double magnitude,
    Duration skew,
    int delayTicks) {

  public Fault {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    skew = skew == null ? Duration.ZERO : skew;
  }

  /** True when the fault is active at this offset from the simulation start. */
  public boolean activeAt(long offsetMs) {
    long from = start.toMillis();
    return offsetMs >= from && offsetMs < from + duration.toMillis();
  }
}
