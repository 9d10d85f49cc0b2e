package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.sim.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

/**
 * The readings' watermarks: they trail the newest event time by the allowed out-of-orderness, and a
 * partition quiet for the idleness timeout is marked idle (so it stops holding back the watermark
 * of the operators after it) until a reading arrives again.
 */
class WatermarksTest {
  private static final Instant T0 = Instant.parse("2026-06-21T12:00:00Z");

  /** What a generator emitted. */
  private static final class Output implements WatermarkOutput {
    final List<Long> watermarks = new ArrayList<>();
    boolean idle;

    @Override
    public void emitWatermark(Watermark w) {
      watermarks.add(w.getTimestamp());
      idle = false;
    }

    @Override
    public void markIdle() {
      idle = true;
    }

    @Override
    public void markActive() {
      idle = false;
    }
  }

  private final ManualClock activity = new ManualClock();

  @Test
  void watermarksTrailTheNewestEventTimeByTheAllowedOutOfOrderness() {
    WatermarkGenerator<Reading> g = generator(Duration.ofSeconds(5), Duration.ofSeconds(30));
    Output out = new Output();
    g.onEvent(reading(T0.plusSeconds(10)), T0.plusSeconds(10).toEpochMilli(), out);
    g.onEvent(reading(T0.plusSeconds(4)), T0.plusSeconds(4).toEpochMilli(), out); // late
    g.onPeriodicEmit(out);
    assertThat(out.watermarks).containsExactly(T0.plusSeconds(5).toEpochMilli() - 1);
  }

  @Test
  void aPartitionQuietForTheIdlenessTimeoutIsMarkedIdleUntilReadingsComeAgain() {
    WatermarkGenerator<Reading> g = generator(Duration.ofSeconds(5), Duration.ofSeconds(30));
    Output out = new Output();
    g.onEvent(reading(T0), T0.toEpochMilli(), out);
    long quietMs = 0;
    while (!out.idle && quietMs < 120_000) {
      g.onPeriodicEmit(out); // every 200 ms, Flink's default auto-watermark interval
      activity.advanceTime(Duration.ofMillis(200));
      quietMs += 200;
    }
    assertThat(quietMs).as("quiet until marked idle, ms").isBetween(30_000L, 30_600L);
    g.onEvent(reading(T0.plusSeconds(40)), T0.plusSeconds(40).toEpochMilli(), out);
    g.onPeriodicEmit(out);
    assertThat(out.idle).as("a reading again").isFalse();
    assertThat(out.watermarks).last().isEqualTo(T0.plusSeconds(35).toEpochMilli() - 1);
  }

  @Test
  void withoutAnIdlenessTimeoutAQuietPartitionIsNeverMarkedIdle() {
    WatermarkGenerator<Reading> g = generator(Duration.ofSeconds(5), Duration.ZERO);
    Output out = new Output();
    g.onEvent(reading(T0), T0.toEpochMilli(), out);
    for (int i = 0; i < 3_600 * 5; i++) { // an hour of periodic emits
      g.onPeriodicEmit(out);
      activity.advanceTime(Duration.ofMillis(200));
    }
    assertThat(out.idle).isFalse();
  }

  private WatermarkGenerator<Reading> generator(Duration outOfOrderness, Duration idleness) {
    return Watermarks.forReadings(outOfOrderness, idleness)
        .createWatermarkGenerator(
            new WatermarkGeneratorSupplier.Context() {
              @Override
              public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
              }

              @Override
              public RelativeClock getInputActivityClock() {
                return activity;
              }
            });
  }

  private static Reading reading(Instant eventTime) {
    return new Reading("greentwin.test:r1", "coolant", "supplyTempC", 45.0, "Cel", eventTime, 1);
  }
}
