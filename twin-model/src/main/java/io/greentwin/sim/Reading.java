package io.greentwin.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * A sensor reading as it travels on the wire (docs/SENSOR-FORMAT.md): which property of which
 * feature of which thing, the value in the given UCUM unit, when it was measured and the sensor's
 * sequence number.
 */
public record Reading(
    String thingId,
    String feature,
    String property,
    double value,
    String unit,
    Instant eventTime,
    long seq) {

  public Reading {
    Objects.requireNonNull(thingId, "thingId");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(eventTime, "eventTime");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be a finite number but was " + value);
    }
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0 but was " + seq);
    }
  }

  /** {@code thingId/feature/property}: the sensor's identity for de-duplication. */
  public String sensorKey() {
    return thingId + "/" + feature + "/" + property;
  }
}
