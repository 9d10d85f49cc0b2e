package io.greentwin.campus;

/**
 * A PV array: rooftop (on a building, positioned on its roof) or ground-mounted. Unset optional
 * parameters take {@link PvDefaultsConfig}.
 */
public record PvArrayConfig(
    String id,
    String kind,
    String building,
    double dcKw,
    double tiltDeg,
    double azimuthDeg,
    int inverters,
    PlanPosition position,
    Size sizeM,
    Double dcAcRatio,
    Double lossesPct,
    Double gammaPerC) {}
