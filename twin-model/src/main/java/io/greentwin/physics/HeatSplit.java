package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * IT heat split between the liquid loop and the room air.
 *
 * @param liquidKw heat captured by the direct-liquid-cooling loop, kW
 * @param airKw heat left to the air, kW
 */
public record HeatSplit(double liquidKw, double airKw) {
  public HeatSplit {
    Require.nonNegative("liquidKw", liquidKw);
    Require.nonNegative("airKw", airKw);
  }

  /** Total heat, kW. */
  public double totalKw() {
    return liquidKw + airKw;
  }
}
