package io.greentwin.jobs.kpi;

/**
 * A reading waiting for the watermark: its event time, value and sequence number.
 *
 * @param timeMs event time, epoch ms
 * @param value the value in the sensor's unit
 * @param seq the sensor's sequence number, to order readings of the same instant
 */
public record TimedValue(long timeMs, double value, long seq) {}
