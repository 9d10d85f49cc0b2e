package io.greentwin.kpi;

/**
 * GHG Protocol Scope 2 dual report: both methods side by side.
 *
 * @param locationBasedKg grid consumption at the grid-average factor, kgCO2e
 * @param marketBased grid consumption at the instruments' factors and the residual mix
 */
public record Scope2Report(double locationBasedKg, MarketBasedEmissions marketBased) {}
