package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * A dry cooler (air-blast fluid cooler) rejecting loop heat to ambient air, rated at a design
 * point.
 *
 * <p>Capacity at full fan scales with the initial temperature difference ITD = inlet water −
 * ambient air, the basis on which dry coolers are rated (EN 1048:2014 and the Eurovent "DAC" rating
 * programme state capacity at a given ITD; manufacturers scale linearly with ITD). Fan speed
 * follows the heat asked of it, clamped to [0, 1] — a simplification: the true heat transfer grows
 * slower than airflow — and fan power follows the fan affinity law P ∝ n³.
 *
 * @param designHeatKw heat rejected at full fan at the design ITD, kW, > 0
 * @param designInletWaterTempC water inlet temperature of the rating point, °C
 * @param designAmbientC ambient dry-bulb temperature of the rating point, °C, below the inlet
 * @param dryCoolerApproachK leaving water minus ambient, K (DOMAIN.md: 3–8 K)
 * @param hxApproachK approach of the plate heat exchanger / CDU between dry-cooler loop and IT
 *     loop, K (DOMAIN.md: 1–4 K)
 * @param designFanPowerKw fan power at full speed, kW (DOMAIN.md: ≈ 1–3 % of design heat)
 */
public record DryCoolerModel(
    double designHeatKw,
    double designInletWaterTempC,
    double designAmbientC,
    double dryCoolerApproachK,
    double hxApproachK,
    double designFanPowerKw) {

  /** Typical dry-cooler approach, K: middle of the 3–8 K range in DOMAIN.md. */
  public static final double TYPICAL_DRY_COOLER_APPROACH_K = 5.0;

  /** Typical heat-exchanger approach, K: middle of the 1–4 K range in DOMAIN.md. */
  public static final double TYPICAL_HX_APPROACH_K = 2.0;

  /** Typical fan power at design as a share of design heat (DOMAIN.md: ≈ 1–3 %). */
  public static final double TYPICAL_FAN_POWER_SHARE = 0.02;

  public DryCoolerModel {
    Require.positive("designHeatKw", designHeatKw);
    Require.finite("designInletWaterTempC", designInletWaterTempC);
    Require.finite("designAmbientC", designAmbientC);
    Require.nonNegative("dryCoolerApproachK", dryCoolerApproachK);
    Require.nonNegative("hxApproachK", hxApproachK);
    Require.nonNegative("designFanPowerKw", designFanPowerKw);
    if (designInletWaterTempC <= designAmbientC) {
      throw Require.invalid(
          "designInletWaterTempC ("
              + designInletWaterTempC
              + ") must be above designAmbientC ("
              + designAmbientC
              + ")");
    }
  }

  /**
   * Whether the dry cooler alone can hold the IT loop's supply set-point (DOMAIN.md, free cooling):
   * T_ambient + dry-cooler approach + HX approach ≤ set-point.
   */
  public boolean canFreeCool(double ambientC, double supplySetpointC) {
    Require.finite("ambientC", ambientC);
    Require.finite("supplySetpointC", supplySetpointC);
    return ambientC + dryCoolerApproachK + hxApproachK <= supplySetpointC;
  }

  /**
   * Heat the dry cooler can reject at full fan: design heat × ITD / design ITD, kW; zero when the
   * water is no warmer than the air.
   */
  public double capacityAtFullFanKw(double inletWaterTempC, double ambientC) {
    Require.finite("inletWaterTempC", inletWaterTempC);
    Require.finite("ambientC", ambientC);
    double designItdK = designInletWaterTempC - designAmbientC;
    return Math.max(0.0, designHeatKw * (inletWaterTempC - ambientC) / designItdK);
  }

  /**
   * Operating point for a heat load.
   *
   * @param heatKw heat to reject, kW, ≥ 0
   * @param inletWaterTempC water entering the dry cooler, °C
   * @param ambientC ambient dry-bulb, °C
   * @return the operating point; with no capacity (water no warmer than the air) the fans run at
   *     full speed and the whole load is shortfall
   */
  public DryCoolerState operate(double heatKw, double inletWaterTempC, double ambientC) {
    Require.nonNegative("heatKw", heatKw);
    double capacityKw = capacityAtFullFanKw(inletWaterTempC, ambientC);
    if (heatKw == 0) {
      return new DryCoolerState(0, 0, 0, 0);
    }
    double speed = capacityKw == 0 ? 1.0 : Math.min(1.0, heatKw / capacityKw);
    double rejectedKw = Math.min(heatKw, capacityKw);
    double fanPowerKw = designFanPowerKw * speed * speed * speed;
    return new DryCoolerState(rejectedKw, speed, fanPowerKw, heatKw - rejectedKw);
  }
}
