package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.time.Instant;

/**
 * Energy used in an interval that starts at an instant, e.g. one hour of grid import.
 *
 * @param time start of the interval
 * @param energyKwh energy in the interval, kWh
 */
public record EnergySample(Instant time, double energyKwh) {
  public EnergySample {
    Require.present("time", time);
    Require.nonNegative("energyKwh", energyKwh);
  }
}
