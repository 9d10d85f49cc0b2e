package io.greentwin.physics;

import io.greentwin.units.Require;
import io.greentwin.units.Water;

/**
 * Heat balance of a water loop, Q = ṁ·c_p·ΔT, with c_p = {@link Water#SPECIFIC_HEAT_KJ_PER_KG_K}.
 * Units: kW = kg/s · kJ/(kg·K) · K.
 */
public final class WaterLoop {
  private WaterLoop() {}

  /**
   * Mass flow that carries a heat load at a temperature difference.
   *
   * @param heatKw heat carried, kW, ≥ 0
   * @param deltaTK return minus supply, K, > 0
   * @return ṁ = Q / (c_p·ΔT), kg/s
   */
  public static double massFlowKgPerS(double heatKw, double deltaTK) {
    Require.nonNegative("heatKw", heatKw);
    Require.positive("deltaTK", deltaTK);
    return heatKw / (Water.SPECIFIC_HEAT_KJ_PER_KG_K * deltaTK);
  }

  /**
   * Heat carried by a mass flow at a temperature difference.
   *
   * @param massFlowKgPerS mass flow, kg/s, ≥ 0
   * @param deltaTK temperature difference, K (negative when the water gives heat up)
   * @return Q = ṁ·c_p·ΔT, kW
   */
  public static double heatKw(double massFlowKgPerS, double deltaTK) {
    Require.nonNegative("massFlowKgPerS", massFlowKgPerS);
    Require.finite("deltaTK", deltaTK);
    return massFlowKgPerS * Water.SPECIFIC_HEAT_KJ_PER_KG_K * deltaTK;
  }

  /**
   * Return temperature of a loop that picks up a heat load.
   *
   * @param supplyTempC supply temperature, °C
   * @param heatKw heat picked up, kW (negative when the loop is cooled)
   * @param massFlowKgPerS mass flow, kg/s, > 0: with no flow the return temperature is undefined,
   *     so zero is rejected
   * @return supply + Q/(ṁ·c_p), °C
   */
  public static double returnTempC(double supplyTempC, double heatKw, double massFlowKgPerS) {
    Require.finite("supplyTempC", supplyTempC);
    Require.finite("heatKw", heatKw);
    Require.positive("massFlowKgPerS", massFlowKgPerS);
    return supplyTempC + heatKw / (massFlowKgPerS * Water.SPECIFIC_HEAT_KJ_PER_KG_K);
  }
}
