package io.greentwin.kpi;

import io.greentwin.units.Require;

/**
 * Emissions avoided by exporting heat to district heating or a greenhouse, reported separately from
 * Scope 2 (DOMAIN.md): ΔCO2 = Q_delivered·EF_heat,displaced − W_HP·EF_grid, where the heat pump's
 * electricity is charged here only when it lies outside E_DC (inside, it is already in the DC's own
 * emissions).
 */
public final class HeatExportEmissions {
  private HeatExportEmissions() {}

  /**
   * China default factor for purchased heat: 0.11 tCO2/GJ = 0.396 kgCO2/kWh_th. Source: GB/T
   * 32150-2015, General guideline of greenhouse gas emissions accounting and reporting for
   * industrial enterprises (default for purchased heat).
   */
  public static final double GB_T_32150_PURCHASED_HEAT_KG_PER_KWH_TH = 0.396;

  /**
   * Coal-fired heating boiler, kgCO2/kWh_th (DOMAIN.md ≈ 0.43): IPCC 2006 Guidelines, Vol. 2, Table
   * 2.2, other bituminous coal 94.6 tCO2/TJ, at a boiler efficiency of about 0.80.
   */
  public static final double COAL_BOILER_KG_PER_KWH_TH = 0.43;

  /**
   * Gas-fired heating boiler, kgCO2/kWh_th (DOMAIN.md ≈ 0.22): IPCC 2006 Guidelines, Vol. 2, Table
   * 2.2, natural gas 56.1 tCO2/TJ, at a boiler efficiency of about 0.90.
   */
  public static final double GAS_BOILER_KG_PER_KWH_TH = 0.22;

  /**
   * Avoided emissions, kgCO2.
   *
   * @param heatDeliveredKwhTh heat delivered to the consumer, kWh_th
   * @param heatPumpKwh heat-pump electricity, kWh
   * @param boundary where the heat pump sits; inside, its electricity is not charged here
   * @param heatFactorKgPerKwhTh emission factor of the heat displaced, kgCO2/kWh_th
   * @param gridFactorKgPerKwh grid emission factor, kgCO2/kWh
   * @return avoided emissions; negative when the heat pump emits more than the heat displaces
   */
  public static double avoidedKg(
      double heatDeliveredKwhTh,
      double heatPumpKwh,
      DcBoundary boundary,
      double heatFactorKgPerKwhTh,
      double gridFactorKgPerKwh) {
    Require.nonNegative("heatDeliveredKwhTh", heatDeliveredKwhTh);
    Require.nonNegative("heatPumpKwh", heatPumpKwh);
    Require.present("boundary", boundary);
    Require.nonNegative("heatFactorKgPerKwhTh", heatFactorKgPerKwhTh);
    Require.nonNegative("gridFactorKgPerKwh", gridFactorKgPerKwh);
    double chargedKwh = boundary == DcBoundary.HEAT_PUMP_OUTSIDE ? heatPumpKwh : 0;
    return heatDeliveredKwhTh * heatFactorKgPerKwhTh - chargedKwh * gridFactorKgPerKwh;
  }
}
