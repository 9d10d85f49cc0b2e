package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * Electrical power of one server as a function of its utilisation. Electrical power in is taken as
 * heat out (DOMAIN.md, server power).
 *
 * @param idlePowerW power at utilisation 0, W (CPU servers idle at ≈ 0.2–0.35 of peak, DOMAIN.md)
 * @param maxPowerW power at utilisation 1, W; at least {@code idlePowerW}
 * @param curve shape between the two
 */
public record ServerPowerModel(double idlePowerW, double maxPowerW, PowerCurve curve) {

  /** Typical idle share of peak power for CPU servers, lower end (DOMAIN.md: 0.2–0.35). */
  public static final double TYPICAL_IDLE_SHARE_MIN = 0.20;

  /** Typical idle share of peak power for CPU servers, upper end (DOMAIN.md: 0.2–0.35). */
  public static final double TYPICAL_IDLE_SHARE_MAX = 0.35;

  public ServerPowerModel {
    Require.nonNegative("idlePowerW", idlePowerW);
    Require.nonNegative("maxPowerW", maxPowerW);
    Require.present("curve", curve);
    if (maxPowerW < idlePowerW) {
      throw Require.invalid(
          "maxPowerW (" + maxPowerW + ") must be ≥ idlePowerW (" + idlePowerW + ")");
    }
  }

  /**
   * Power at a utilisation.
   *
   * @param utilisation in [0, 1]; anything else (NaN included) is rejected, not clamped
   * @return electrical power, W
   */
  public double powerW(double utilisation) {
    Require.fraction("utilisation", utilisation);
    return idlePowerW + (maxPowerW - idlePowerW) * curve.loadShare(utilisation);
  }
}
