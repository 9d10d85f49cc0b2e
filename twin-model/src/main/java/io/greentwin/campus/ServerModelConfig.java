package io.greentwin.campus;

/** A server type: power envelope, power curve and how its heat splits between liquid and air. */
public record ServerModelConfig(
    String id,
    String kind,
    double idlePowerW,
    double maxPowerW,
    String powerCurve,
    double liquidFraction,
    int heightU) {}
