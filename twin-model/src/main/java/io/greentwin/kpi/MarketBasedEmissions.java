package io.greentwin.kpi;

/**
 * Result of the market-based Scope 2 method.
 *
 * @param co2Kg emissions, kgCO2e
 * @param coveredKwh grid consumption covered by contractual instruments, kWh
 * @param residualKwh grid consumption charged at the residual mix, kWh
 * @param unusedInstrumentKwh instrument energy beyond the consumption, not claimed, kWh
 */
public record MarketBasedEmissions(
    double co2Kg, double coveredKwh, double residualKwh, double unusedInstrumentKwh) {}
