package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * A closed temperature range [minC, maxC] in °C.
 *
 * @param minC lower bound, °C
 * @param maxC upper bound, °C, at least {@code minC}
 */
public record TemperatureRangeC(double minC, double maxC) {
  public TemperatureRangeC {
    Require.finite("minC", minC);
    Require.finite("maxC", maxC);
    if (maxC < minC) {
      throw Require.invalid("maxC (" + maxC + ") must be ≥ minC (" + minC + ")");
    }
  }

  /** Whether a temperature lies within the range, bounds included. */
  public boolean contains(double tempC) {
    return tempC >= minC && tempC <= maxC;
  }
}
