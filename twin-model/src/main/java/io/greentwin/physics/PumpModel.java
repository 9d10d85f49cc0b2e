package io.greentwin.physics;

import io.greentwin.units.Require;
import io.greentwin.units.Units;

/**
 * A variable-speed pump on a closed loop, scaled from its design point by the affinity laws: flow ∝
 * n, Δp ∝ n², P ∝ n³ (DOMAIN.md; the pump affinity laws, e.g. ASHRAE Handbook—HVAC Systems and
 * Equipment, "Centrifugal Pumps"). A closed loop has no static head, so its system curve passes
 * through the origin and the pump stays on one affinity parabola; the efficiency is taken as
 * constant along it.
 *
 * @param designFlowM3h flow at full speed, m³/h, > 0
 * @param designHeadKpa pressure rise at design flow, kPa, > 0
 * @param efficiency wire-to-water efficiency η in (0, 1]
 */
public record PumpModel(double designFlowM3h, double designHeadKpa, double efficiency) {

  /** Typical pump efficiency η (DOMAIN.md, water loops: "η ≈ 0.87"). */
  public static final double TYPICAL_EFFICIENCY = 0.87;

  public PumpModel {
    Require.positive("designFlowM3h", designFlowM3h);
    Require.positive("designHeadKpa", designHeadKpa);
    Require.efficiency("efficiency", efficiency);
  }

  /**
   * Electrical power of a pump: P = V̇·Δp/η. Units: m³/s · kPa = kW.
   *
   * @param flowM3h volume flow, m³/h, ≥ 0
   * @param headKpa pressure rise, kPa, ≥ 0
   * @param efficiency η in (0, 1]
   * @return power, kW
   */
  public static double hydraulicPowerKw(double flowM3h, double headKpa, double efficiency) {
    Require.nonNegative("flowM3h", flowM3h);
    Require.nonNegative("headKpa", headKpa);
    Require.efficiency("efficiency", efficiency);
    return flowM3h / Units.SECONDS_PER_HOUR * headKpa / efficiency;
  }

  /** Speed as a fraction of design speed at a flow (flow ∝ n); above 1 when over design flow. */
  public double speedFraction(double flowM3h) {
    Require.nonNegative("flowM3h", flowM3h);
    return flowM3h / designFlowM3h;
  }

  /** Pressure rise at a flow: Δp = Δp_design·(flow/design)², kPa. */
  public double headKpa(double flowM3h) {
    double speed = speedFraction(flowM3h);
    return designHeadKpa * speed * speed;
  }

  /** Electrical power at a flow, kW: V̇·Δp(V̇)/η, which grows with the cube of speed. */
  public double powerKw(double flowM3h) {
    return hydraulicPowerKw(flowM3h, headKpa(flowM3h), efficiency);
  }
}
