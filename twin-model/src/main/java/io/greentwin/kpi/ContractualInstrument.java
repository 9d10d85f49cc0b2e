package io.greentwin.kpi;

import io.greentwin.units.Require;

/**
 * A contractual instrument claimed against grid consumption in the market-based method.
 *
 * @param type certificate or PPA
 * @param energyKwh energy it covers, kWh
 * @param factorKgPerKwh its emission factor, kgCO2e/kWh (0 for wind, solar and hydro)
 */
public record ContractualInstrument(InstrumentType type, double energyKwh, double factorKgPerKwh) {
  public ContractualInstrument {
    Require.present("type", type);
    Require.nonNegative("energyKwh", energyKwh);
    Require.nonNegative("factorKgPerKwh", factorKgPerKwh);
  }
}
