package io.greentwin.jobs.timeseries;

import io.greentwin.sim.Reading;
import java.time.Instant;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Readings for {@link TimeSeriesBench}: {@code series} sensors (four per thing), each sampled every
 * {@code intervalMs}, reading {@code i} being sensor {@code i % series} at tick {@code i / series};
 * values are smooth 3-decimal numbers with a little hash noise, as the simulator sends them.
 */
final class BenchReadings implements GeneratorFunction<Long, Reading> {
  static final long T0 = 1_777_629_600_000L; // 2026-05-01T10:00:00Z
  private static final String[] PROPERTIES = {"powerKw", "inletTempC", "outletTempC", "flowM3h"};
  private static final String[] UNITS = {"kW", "Cel", "Cel", "m3/h"};

  private final int series;
  private final long intervalMs;
  private transient String[] things;

  BenchReadings(int series, long intervalMs) {
    this.series = series;
    this.intervalMs = intervalMs;
  }

  @Override
  public void open(SourceReaderContext ctx) {
    things = new String[(series + 3) / 4];
    for (int i = 0; i < things.length; i++) {
      things[i] = "campus.bench:rack-" + i;
    }
  }

  @Override
  public Reading map(Long index) {
    long i = index;
    int s = (int) (i % series);
    long tick = i / series;
    long noise = (s * 0x9E3779B97F4A7C15L + tick * 0xC2B2AE3D27D4EB4FL) >>> 54; // 0..1023
    double v = Math.round((20 + (s % 50) + Math.sin(tick / 60.0) * 5) * 1000 + noise) / 1000.0;
    return new Reading(
        things[s / 4],
        "sensors",
        PROPERTIES[s % 4],
        v,
        UNITS[s % 4],
        Instant.ofEpochMilli(T0 + tick * intervalMs + (s % 997)),
        tick);
  }
}
