package io.greentwin.campus;

/** PVWatts parameters shared by all arrays unless an array sets its own. */
public record PvDefaultsConfig(
    double dcAcRatio,
    double lossesPct,
    double gammaPerC,
    double albedo,
    String transposition,
    String temperatureModel,
    double inverterEfficiency) {}
