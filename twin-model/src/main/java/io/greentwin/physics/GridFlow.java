package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * Power flows at the grid connection in one instant.
 *
 * @param importKw power drawn from the grid, kW
 * @param exportKw PV power fed into the grid, kW
 * @param pvSelfConsumedKw PV power used on site, kW
 */
public record GridFlow(double importKw, double exportKw, double pvSelfConsumedKw) {
  public GridFlow {
    Require.nonNegative("importKw", importKw);
    Require.nonNegative("exportKw", exportKw);
    Require.nonNegative("pvSelfConsumedKw", pvSelfConsumedKw);
  }
}
