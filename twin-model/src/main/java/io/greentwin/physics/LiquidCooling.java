package io.greentwin.physics;

import io.greentwin.units.Require;

/** Direct liquid cooling: Q_liquid = f·P_IT, Q_air = (1 − f)·P_IT (DOMAIN.md). */
public final class LiquidCooling {
  private LiquidCooling() {}

  /** Typical share of IT heat captured by cold plates (DOMAIN.md: f ≈ 0.90). */
  public static final double TYPICAL_LIQUID_FRACTION = 0.90;

  /** Lowest liquid fraction in the range DOMAIN.md gives (0.75–0.98). */
  public static final double LIQUID_FRACTION_MIN = 0.75;

  /** Highest liquid fraction in the range DOMAIN.md gives (0.75–0.98). */
  public static final double LIQUID_FRACTION_MAX = 0.98;

  /**
   * Splits IT power (all of which becomes heat) between liquid and air.
   *
   * @param itPowerKw IT electrical power, kW, ≥ 0
   * @param liquidFraction f in [0, 1]
   */
  public static HeatSplit split(double itPowerKw, double liquidFraction) {
    Require.nonNegative("itPowerKw", itPowerKw);
    Require.fraction("liquidFraction", liquidFraction);
    double liquidKw = liquidFraction * itPowerKw;
    return new HeatSplit(liquidKw, itPowerKw - liquidKw);
  }
}
