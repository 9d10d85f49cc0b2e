package io.greentwin.campus;

/**
 * The grid connection: the meter's thing id, the regional grid whose emission factor applies, and
 * an optional explicit factor that overrides the table.
 */
public record GridConfig(
    String meterId,
    String region,
    int factorYear,
    Double emissionFactorKgPerKwh,
    double connectionKw) {}
