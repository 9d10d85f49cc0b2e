package io.greentwin.physics;

import io.greentwin.units.Require;
import io.greentwin.units.Units;

/**
 * A vapour-compression chiller (trim / back-up) as a fraction of the Carnot COP (DOMAIN.md): COP =
 * η·T_evap/(T_cond − T_evap) in kelvin, with T_evap = chilled-water supply − evaporator approach
 * and T_cond = condenser leaving water + condenser approach (air-cooled: ambient + lift).
 *
 * @param carnotEfficiency η, share of the Carnot COP reached, (0, 1] (DOMAIN.md: 0.45–0.6)
 * @param evaporatorApproachK chilled-water supply minus evaporating temperature, K (DOMAIN.md: 2 K)
 * @param condenserApproachK condensing temperature minus condenser leaving water, K (DOMAIN.md: 2–3
 *     K)
 */
public record ChillerModel(
    double carnotEfficiency, double evaporatorApproachK, double condenserApproachK) {

  /** Typical Carnot efficiency of a chiller, lower end (DOMAIN.md: η ≈ 0.45–0.6). */
  public static final double CARNOT_EFFICIENCY_MIN = 0.45;

  /** Typical Carnot efficiency of a chiller, upper end (DOMAIN.md: η ≈ 0.45–0.6). */
  public static final double CARNOT_EFFICIENCY_MAX = 0.60;

  /** Typical evaporator approach, K (DOMAIN.md: T_evap = chilled-water supply − 2 K). */
  public static final double TYPICAL_EVAPORATOR_APPROACH_K = 2.0;

  /** Air-cooled condensing lift above ambient, lower end, K (DOMAIN.md: ambient + 10–15 K). */
  public static final double AIR_COOLED_LIFT_MIN_K = 10.0;

  /** Air-cooled condensing lift above ambient, upper end, K (DOMAIN.md: ambient + 10–15 K). */
  public static final double AIR_COOLED_LIFT_MAX_K = 15.0;

  public ChillerModel {
    Require.efficiency("carnotEfficiency", carnotEfficiency);
    Require.nonNegative("evaporatorApproachK", evaporatorApproachK);
    Require.nonNegative("condenserApproachK", condenserApproachK);
  }

  /**
   * Carnot cooling COP: T_evap / (T_cond − T_evap), temperatures in kelvin.
   *
   * @param evaporatingTempC evaporating (cold-side) temperature, °C
   * @param condensingTempC condensing (hot-side) temperature, °C, above the evaporating one
   */
  public static double carnotCop(double evaporatingTempC, double condensingTempC) {
    Require.finite("evaporatingTempC", evaporatingTempC);
    Require.finite("condensingTempC", condensingTempC);
    if (condensingTempC <= evaporatingTempC) {
      throw Require.invalid(
          "condensingTempC ("
              + condensingTempC
              + ") must be above evaporatingTempC ("
              + evaporatingTempC
              + ")");
    }
    return Units.kelvin(evaporatingTempC) / (condensingTempC - evaporatingTempC);
  }

  /** Water-cooled COP for a chilled-water supply and a condenser leaving-water temperature. */
  public double cop(double chilledWaterSupplyC, double condenserLeavingC) {
    return carnotEfficiency
        * carnotCop(
            chilledWaterSupplyC - evaporatorApproachK, condenserLeavingC + condenserApproachK);
  }

  /**
   * Air-cooled COP: the condenser runs at ambient + lift.
   *
   * @param ambientLiftK condensing temperature above ambient, K (DOMAIN.md: 10–15 K)
   */
  public double copAirCooled(double chilledWaterSupplyC, double ambientC, double ambientLiftK) {
    Require.nonNegative("ambientLiftK", ambientLiftK);
    return carnotEfficiency
        * carnotCop(chilledWaterSupplyC - evaporatorApproachK, ambientC + ambientLiftK);
  }

  /** Electrical power to remove a cooling load at a COP, kW. */
  public static double electricKw(double coolingKw, double cop) {
    Require.nonNegative("coolingKw", coolingKw);
    Require.positive("cop", cop);
    return coolingKw / cop;
  }
}
