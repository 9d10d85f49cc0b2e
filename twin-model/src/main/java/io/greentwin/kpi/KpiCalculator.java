package io.greentwin.kpi;

import io.greentwin.units.Require;

/**
 * Computes the KPIs of a period from its energies, for one placement of the heat pump relative to
 * the data-centre boundary (DOMAIN.md, KPIs).
 *
 * <p>CO2 here is location-based: the DC's grid import times a grid factor. When the heat pump is
 * outside the boundary, the grid import is shared between the DC and the heat pump in proportion to
 * their energies, and only the DC's share is counted.
 */
public final class KpiCalculator {
  private final DcBoundary boundary;

  public KpiCalculator(DcBoundary boundary) {
    this.boundary = Require.present("boundary", boundary);
  }

  /** The boundary this calculator applies. */
  public DcBoundary boundary() {
    return boundary;
  }

  /** E_DC: the facility's energy, plus the heat pump's when it is inside the boundary, kWh. */
  public double eDcKwh(EnergyPeriod e) {
    return boundary == DcBoundary.HEAT_PUMP_INSIDE
        ? e.facilityKwh() + e.heatPumpKwh()
        : e.facilityKwh();
  }

  /** The share of the grid import that supplied E_DC, kWh (see the class comment). */
  public double dcGridImportKwh(EnergyPeriod e) {
    double suppliedKwh = e.facilityKwh() + e.heatPumpKwh();
    return suppliedKwh == 0 ? 0 : e.gridImportKwh() * eDcKwh(e) / suppliedKwh;
  }

  /**
   * KPIs with CO2 from the DC's grid import at one grid factor (location-based, annual factor).
   *
   * @param gridFactorKgPerKwh grid emission factor, kgCO2/kWh
   */
  public Kpis compute(EnergyPeriod e, double gridFactorKgPerKwh) {
    Require.nonNegative("gridFactorKgPerKwh", gridFactorKgPerKwh);
    return computeWithEmissions(e, dcGridImportKwh(e) * gridFactorKgPerKwh);
  }

  /**
   * KPIs with CO2 computed elsewhere, e.g. hour by hour ({@link Scope2#locationBasedKg(
   * java.util.List, CarbonIntensitySeries)}) or market-based.
   *
   * @param dcCo2Kg CO2e of the energy in E_DC, kg
   */
  public Kpis computeWithEmissions(EnergyPeriod e, double dcCo2Kg) {
    Require.present("energy period", e);
    Require.nonNegative("dcCo2Kg", dcCo2Kg);
    double itKwh = e.itKwh();
    double eDcKwh = eDcKwh(e);
    return new Kpis(
        ratio(eDcKwh, itKwh),
        ratio(itKwh + e.coolingKwh(), itKwh),
        ratio(e.reuseKwh(), eDcKwh),
        ratio(eDcKwh - e.reuseKwh(), itKwh),
        ratio(dcCo2Kg, itKwh),
        ratio(e.waterLitres(), itKwh),
        Math.min(1.0, ratio(e.renewableOwnedKwh(), eDcKwh)),
        dcCo2Kg);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}
