package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.time.Instant;

/**
 * Grid carbon intensity from an instant on, e.g. one row of an Electricity Maps export ({@code
 * datetime, carbonIntensity}, UTC).
 *
 * @param time when the value starts to hold
 * @param gCo2PerKwh carbon intensity, gCO2e/kWh
 */
public record IntensityPoint(Instant time, double gCo2PerKwh) {
  public IntensityPoint {
    Require.present("time", time);
    Require.nonNegative("gCo2PerKwh", gCo2PerKwh);
  }
}
