package io.greentwin.physics;

import io.greentwin.units.Require;
import io.greentwin.units.Units;

/**
 * A heat pump lifting recovered IT heat to a heating network, as a fraction of the Carnot heating
 * COP (DOMAIN.md): COP = η_C·T_H/(T_H − T_L) in kelvin, T_H = sink supply + sink approach, T_L =
 * source outlet − source approach.
 *
 * @param capacityKw largest heat it can deliver, kW, ≥ 0
 * @param carnotEfficiency η_C in (0, 1] (DOMAIN.md: 0.43–0.55)
 * @param sinkApproachK condensing temperature above the sink supply, K (DOMAIN.md: 3–5 K)
 * @param sourceApproachK evaporating temperature below the source outlet, K (DOMAIN.md: 3–5 K)
 */
public record HeatPumpModel(
    double capacityKw, double carnotEfficiency, double sinkApproachK, double sourceApproachK) {

  /**
   * Carnot efficiency that DOMAIN.md's worked check implies (45 → 70 °C, 5 K approaches → COP
   * 4.28); it also reproduces the published anchors 45 °C → 60/70/80 °C ≈ 5.5/4.3/3.5 to within 6
   * %.
   */
  public static final double DOMAIN_CARNOT_EFFICIENCY = 0.43;

  /** Upper end of the Carnot efficiency range in DOMAIN.md (η_C ≈ 0.43–0.55). */
  public static final double CARNOT_EFFICIENCY_MAX = 0.55;

  /** Approach used by DOMAIN.md's worked check, K (range 3–5 K). */
  public static final double DOMAIN_APPROACH_K = 5.0;

  public HeatPumpModel {
    Require.nonNegative("capacityKw", capacityKw);
    Require.efficiency("carnotEfficiency", carnotEfficiency);
    Require.nonNegative("sinkApproachK", sinkApproachK);
    Require.nonNegative("sourceApproachK", sourceApproachK);
  }

  /**
   * Heating COP between a source outlet and a sink supply temperature.
   *
   * @param sourceOutTempC source water leaving the evaporator, °C
   * @param sinkSupplyTempC heating water supplied to the network, °C
   */
  public double cop(double sourceOutTempC, double sinkSupplyTempC) {
    Require.finite("sourceOutTempC", sourceOutTempC);
    Require.finite("sinkSupplyTempC", sinkSupplyTempC);
    double hotK = Units.kelvin(sinkSupplyTempC + sinkApproachK);
    double coldK = Units.kelvin(sourceOutTempC - sourceApproachK);
    if (hotK <= coldK) {
      throw Require.invalid(
          "no lift: sink side "
              + Units.celsius(hotK)
              + " °C must be above source side "
              + Units.celsius(coldK)
              + " °C (after approaches)");
    }
    return carnotEfficiency * hotK / (hotK - coldK);
  }

  /**
   * Operating point for a heat demand. The heat pump runs only when there is demand: a demand ≤ 0
   * gives {@link HeatPumpState#OFF}. Otherwise it delivers min(demand, capacity), draws W = Q/COP
   * and takes Q − W from the source.
   */
  public HeatPumpState deliver(double demandKw, double sourceOutTempC, double sinkSupplyTempC) {
    Require.finite("demandKw", demandKw);
    if (demandKw <= 0 || capacityKw == 0) {
      return HeatPumpState.OFF;
    }
    double cop = cop(sourceOutTempC, sinkSupplyTempC);
    double deliveredKw = Math.min(demandKw, capacityKw);
    double electricKw = deliveredKw / cop;
    return new HeatPumpState(deliveredKw, electricKw, deliveredKw - electricKw, cop);
  }
}
