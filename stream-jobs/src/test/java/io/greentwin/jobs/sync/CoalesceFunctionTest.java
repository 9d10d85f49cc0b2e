package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.testing.SimulatedRun;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The coalescing function's state and timers, driven by an operator test harness. */
class CoalesceFunctionTest {
  private static final String RACK = "greentwin.test:rack-1";
  private static final String PUMP = "greentwin.test:pump-1";

  private static KeyedOneInputStreamOperatorTestHarness<String, Reading, TwinPatch> harness(
      FlushTrigger trigger) throws Exception {
    var h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new CoalesceFunction(Duration.ofSeconds(1), trigger),
            new TwinSyncJob.ThingKey(),
            Types.STRING);
    h.open();
    return h;
  }

  private static StreamRecord<Reading> reading(
      String thing, String feature, String property, double value, long timeMs, long seq) {
    return new StreamRecord<>(
        new Reading(thing, feature, property, value, "Cel", Instant.ofEpochMilli(timeMs), seq),
        timeMs);
  }

  @Test
  void mergesEveryChangedPropertyOfAThingOncePerProcessingTimeInterval() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.1, 30_000, 1));
    h.processElement(reading(RACK, "coolant", "returnTempC", 55.2, 30_000, 1));
    h.processElement(reading(RACK, "thermal", "inletTempC", 24.0, 30_000, 1));
    h.setProcessingTime(500);
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.3, 60_000, 2));
    h.processElement(reading(PUMP, "power", "powerKw", 20.5, 30_000, 1));
    assertThat(h.extractOutputValues()).isEmpty();

    h.setProcessingTime(1000);
    assertThat(h.extractOutputValues())
        .containsExactly(
            new TwinPatch(
                RACK,
                "/",
                "{\"features\":{\"coolant\":{\"properties\":{\"returnTempC\":55.2,"
                    + "\"supplyTempC\":45.3,\"observedAt\":\"1970-01-01T00:01:00.000Z\"}},"
                    + "\"thermal\":{\"properties\":{\"inletTempC\":24,"
                    + "\"observedAt\":\"1970-01-01T00:00:30.000Z\"}}}}",
                false,
                60_000,
                // Each feature only where the twin holds nothing newer than its oldest value.
                "and(or(not(exists(features/coolant/properties/observedAt)),"
                    + "le(features/coolant/properties/observedAt,\"1970-01-01T00:00:30.000Z\")),"
                    + "or(not(exists(features/thermal/properties/observedAt)),"
                    + "le(features/thermal/properties/observedAt,\"1970-01-01T00:00:30.000Z\")))"));
    h.setProcessingTime(1500);
    assertThat(h.extractOutputValues()).hasSize(2);
    assertThat(SimulatedRun.values(h.extractOutputValues().get(1)))
        .isEqualTo(Map.of("power/powerKw", 20.5));
  }

  @Test
  void onlyPropertiesChangedSinceTheLastMergeAreSentAndNothingWhenNothingChanged()
      throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.1, 30_000, 1));
    h.processElement(reading(RACK, "coolant", "returnTempC", 55.2, 30_000, 1));
    h.setProcessingTime(1000);
    h.processElement(reading(RACK, "coolant", "returnTempC", 55.9, 60_000, 2));
    h.setProcessingTime(5000);
    assertThat(h.extractOutputValues()).hasSize(2);
    assertThat(SimulatedRun.values(h.extractOutputValues().get(1)))
        .isEqualTo(Map.of("coolant/returnTempC", 55.9));
    h.setProcessingTime(10_000);
    assertThat(h.extractOutputValues()).hasSize(2);
  }

  @Test
  void aReadingOlderThanWhatWasSentNeverReachesTheTwin() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.3, 60_000, 2));
    h.setProcessingTime(1000);
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.1, 30_000, 1));
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.2, 60_000, 2));
    h.setProcessingTime(5000);
    assertThat(h.extractOutputValues()).hasSize(1);

    // Late, but newer than what was sent: it is sent.
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.4, 60_000, 3));
    h.setProcessingTime(6000);
    assertThat(h.extractOutputValues()).hasSize(2);
    assertThat(SimulatedRun.values(h.extractOutputValues().get(1)))
        .isEqualTo(Map.of("coolant/supplyTempC", 45.4));
  }

  @Test
  void theEndOfABoundedInputFlushesWhatIsPending() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.1, 30_000, 1));
    h.processElement(reading(PUMP, "power", "powerKw", 20.5, 30_000, 1));
    h.processWatermark(Long.MAX_VALUE);
    assertThat(h.extractOutputValues()).extracting(TwinPatch::thingId).containsExactly(RACK, PUMP);
    h.setProcessingTime(5000);
    assertThat(h.extractOutputValues()).hasSize(2);
  }

  @Test
  void eventTimeFlushesWhenTheWatermarkPassesTheIntervalOfTheFirstPendingValue() throws Exception {
    var h = harness(FlushTrigger.EVENT_TIME);
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.1, 30_200, 1));
    h.processWatermark(30_998);
    assertThat(h.extractOutputValues()).isEmpty();
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.2, 30_700, 2));
    h.processWatermark(30_999);
    assertThat(h.extractOutputValues()).hasSize(1);
    assertThat(SimulatedRun.values(h.extractOutputValues().get(0)))
        .isEqualTo(Map.of("coolant/supplyTempC", 45.2));

    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.3, 32_500, 3));
    h.processElement(reading(RACK, "coolant", "supplyTempC", 45.4, 33_100, 4));
    h.processWatermark(40_000);
    assertThat(h.extractOutputValues()).hasSize(2);
    assertThat(h.extractOutputValues().get(1).eventTimeMs()).isEqualTo(33_100);
  }
}
