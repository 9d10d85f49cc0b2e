package io.greentwin.jobs.incident;

/**
 * An inverter's AC reading waiting for its array's irradiance of the same instant.
 *
 * @param inverterId the inverter's thing id
 * @param timeMs event time, epoch ms
 * @param acKw AC power, kW
 */
public record PendingAc(String inverterId, long timeMs, double acKw) {}
