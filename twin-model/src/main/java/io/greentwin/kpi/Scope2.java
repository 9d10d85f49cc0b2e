package io.greentwin.kpi;

import io.greentwin.units.Require;
import io.greentwin.units.Units;
import java.util.List;

/**
 * Scope 2 emissions by the GHG Protocol Scope 2 Guidance (WRI/WBCSD 2015), dual reporting.
 * Location-based: grid consumption × grid-average factor, hour by hour when an hourly series is
 * given. Market-based: consumption covered by contractual instruments at their factors, the rest at
 * a residual-mix factor (China proxy: the national factor excluding market-traded non-fossil power,
 * {@link GridFactorTable#residualMixKgPerKwh(int)}). Grid consumption here is net of self-consumed
 * on-site PV, which reduces imports under both methods.
 */
public final class Scope2 {
  private Scope2() {}

  /** Location-based with one factor: grid kWh × factor, kgCO2e. */
  public static double locationBasedKg(double gridKwh, double gridFactorKgPerKwh) {
    Require.nonNegative("gridKwh", gridKwh);
    Require.nonNegative("gridFactorKgPerKwh", gridFactorKgPerKwh);
    return gridKwh * gridFactorKgPerKwh;
  }

  /**
   * Location-based hour by hour: Σ kWh_h × CI_h, with each sample charged at the intensity that
   * holds at its start, kgCO2e.
   */
  public static double locationBasedKg(List<EnergySample> gridUse, CarbonIntensitySeries series) {
    Require.present("gridUse", gridUse);
    Require.present("series", series);
    double grams = 0;
    for (EnergySample s : gridUse) {
      grams += s.energyKwh() * series.gCo2PerKwhAt(s.time());
    }
    return Units.gToKg(grams);
  }

  /**
   * Market-based: instruments are claimed in list order until the consumption is covered; what they
   * leave uncovered is charged at the residual mix; instrument energy beyond the consumption is
   * reported as unused, never netted against other emissions.
   */
  public static MarketBasedEmissions marketBased(
      double gridKwh, List<ContractualInstrument> instruments, double residualMixKgPerKwh) {
    Require.nonNegative("gridKwh", gridKwh);
    Require.present("instruments", instruments);
    Require.nonNegative("residualMixKgPerKwh", residualMixKgPerKwh);
    double uncoveredKwh = gridKwh;
    double co2Kg = 0;
    double unusedKwh = 0;
    for (ContractualInstrument instrument : instruments) {
      double claimedKwh = Math.min(uncoveredKwh, instrument.energyKwh());
      co2Kg += claimedKwh * instrument.factorKgPerKwh();
      uncoveredKwh -= claimedKwh;
      unusedKwh += instrument.energyKwh() - claimedKwh;
    }
    co2Kg += uncoveredKwh * residualMixKgPerKwh;
    return new MarketBasedEmissions(co2Kg, gridKwh - uncoveredKwh, uncoveredKwh, unusedKwh);
  }

  /** Both methods for one period with an annual grid factor. */
  public static Scope2Report dualReport(
      double gridKwh,
      double gridFactorKgPerKwh,
      List<ContractualInstrument> instruments,
      double residualMixKgPerKwh) {
    return new Scope2Report(
        locationBasedKg(gridKwh, gridFactorKgPerKwh),
        marketBased(gridKwh, instruments, residualMixKgPerKwh));
  }
}
