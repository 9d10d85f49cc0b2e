package io.greentwin.kpi;

import io.greentwin.units.Require;

/**
 * A data centre that can run deferrable work, as far as its carbon goes.
 *
 * @param name for reports, e.g. "Langfang" or "Ningxia Zhongwei"
 * @param gridFactorKgPerKwh its grid emission factor, kgCO2/kWh
 * @param pue its PUE, ≥ 1
 */
public record ComputeSite(String name, double gridFactorKgPerKwh, double pue) {
  public ComputeSite {
    Require.present("name", name);
    Require.nonNegative("gridFactorKgPerKwh", gridFactorKgPerKwh);
    if (!(pue >= 1 && Double.isFinite(pue))) {
      throw Require.invalid("pue must be a finite number ≥ 1, was " + pue);
    }
  }

  /** CO2 of running IT energy here: E_IT × PUE × grid factor, kg. */
  public double co2Kg(double itKwh) {
    return Require.nonNegative("itKwh", itKwh) * pue * gridFactorKgPerKwh;
  }
}
