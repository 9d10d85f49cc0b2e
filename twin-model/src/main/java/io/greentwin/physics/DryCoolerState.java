package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * What a dry cooler does in one operating point.
 *
 * @param heatRejectedKw heat rejected to the air, kW
 * @param fanSpeedFraction fan speed as a fraction of full speed, [0, 1]
 * @param fanPowerKw fan electrical power, kW
 * @param shortfallKw heat asked of it that it could not reject even at full fan, kW (a trim chiller
 *     or a warmer loop must take it)
 */
public record DryCoolerState(
    double heatRejectedKw, double fanSpeedFraction, double fanPowerKw, double shortfallKw) {
  public DryCoolerState {
    Require.nonNegative("heatRejectedKw", heatRejectedKw);
    Require.fraction("fanSpeedFraction", fanSpeedFraction);
    Require.nonNegative("fanPowerKw", fanPowerKw);
    Require.nonNegative("shortfallKw", shortfallKw);
  }
}
