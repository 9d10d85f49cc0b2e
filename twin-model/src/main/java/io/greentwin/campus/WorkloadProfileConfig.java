package io.greentwin.campus;

/**
 * A daily and weekly utilisation shape: a trough at {@code baseUtilisation}, a peak at {@code
 * peakUtilisation} at {@code peakHour} local time, scaled by {@code weekendFactor} on weekends,
 * with the deferrable (batch) share and per-server noise amplitude.
 */
public record WorkloadProfileConfig(
    String id,
    double baseUtilisation,
    double peakUtilisation,
    int peakHour,
    double weekendFactor,
    double deferrableShare,
    double noise) {}
