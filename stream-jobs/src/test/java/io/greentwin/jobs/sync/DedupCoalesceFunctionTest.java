package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.AssetKind;
import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.testing.SimulatedRun;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * De-duplication and coalescing of a thing's readings in its {@link SensorTable}, driven by an
 * operator test harness: the main output is the readings that pass, the merges a side output.
 */
class DedupCoalesceFunctionTest {
  private static final String RACK = "greentwin.test:rack-1";
  private static final String PUMP = "greentwin.test:pump-1";
  private static final SensorCatalogue CATALOGUE =
      SensorCatalogue.of(Map.of(RACK, AssetKind.RACK, PUMP, AssetKind.PUMP));

  private static KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> harness(
      FlushTrigger trigger, OperatorSubtaskState restored) throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(
                new DedupCoalesceFunction(CATALOGUE, Duration.ofSeconds(1), trigger)),
            new TwinSyncJob.ThingKey(),
            Types.STRING);
    if (restored != null) {
      h.initializeState(restored);
    }
    h.open();
    return h;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> harness(
      FlushTrigger trigger) throws Exception {
    return harness(trigger, null);
  }

  private static StreamRecord<Reading> reading(
      String thing, String feature, String property, double value, long timeMs, long seq) {
    return new StreamRecord<>(
        new Reading(thing, feature, property, value, "Cel", Instant.ofEpochMilli(timeMs), seq),
        timeMs);
  }

  /** A reading of the rack's coolant supply temperature. */
  private static StreamRecord<Reading> supply(double value, long timeMs, long seq) {
    return reading(RACK, "coolant", "supplyTempC", value, timeMs, seq);
  }

  /** A reading of the rack's coolant, 30 s apart by sequence number. */
  private static StreamRecord<Reading> coolant(String property, long seq) {
    return reading(RACK, "coolant", property, 45, seq * 30_000, seq);
  }

  private static List<TwinPatch> merges(
      KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> h) {
    var merges = h.getSideOutput(DedupCoalesceFunction.MERGES);
    return merges == null ? List.of() : merges.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void dropsARepeatedSequenceNumberOfTheSameSensorOnly() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.processElement(coolant("supplyTempC", 7));
    h.processElement(coolant("supplyTempC", 7));
    h.processElement(coolant("returnTempC", 7));
    h.processElement(coolant("supplyTempC", 8));
    h.processElement(coolant("supplyTempC", 8));
    assertThat(h.extractOutputValues())
        .extracting(r -> r.property() + "#" + r.seq())
        .containsExactly("supplyTempC#7", "returnTempC#7", "supplyTempC#8");
  }

  @Test
  void passesLateButNewReadingsOnceAndDeadLettersThoseTooFarBehindToTell() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.processElement(coolant("supplyTempC", 100));
    h.processElement(coolant("supplyTempC", 98));
    h.processElement(coolant("supplyTempC", 98));
    h.processElement(coolant("supplyTempC", 100 - SeqWindow.SIZE + 1));
    h.processElement(coolant("supplyTempC", 100 - SeqWindow.SIZE));
    h.processElement(coolant("supplyTempC", 99));
    assertThat(h.extractOutputValues())
        .extracting(Reading::seq)
        .containsExactly(100L, 98L, 100L - SeqWindow.SIZE + 1, 99L);
    assertThat(h.getSideOutput(ParseFunction.DEAD_LETTERS))
        .singleElement()
        .extracting(StreamRecord::getValue)
        .satisfies(
            d -> {
              assertThat(((DeadLetter) d).reason())
                  .startsWith("too-late: seq 36 is 64 or more behind the newest, 100, of")
                  .contains(RACK + "/coolant/supplyTempC");
              assertThat(((DeadLetter) d).raw()).contains("\"seq\":36");
            });
  }

  @Test
  void aWindowTellsDuplicatesAcrossLargeJumps() {
    SeqWindow w = SeqWindow.first(5).see(6).see(200);
    assertThat(w.judge(200)).isEqualTo(SeqWindow.Verdict.DUPLICATE);
    assertThat(w.judge(6)).isEqualTo(SeqWindow.Verdict.TOO_OLD);
    assertThat(w.judge(199)).isEqualTo(SeqWindow.Verdict.NEW);
    assertThat(w.see(199).judge(199)).isEqualTo(SeqWindow.Verdict.DUPLICATE);
    assertThat(w.see(199).judge(201)).isEqualTo(SeqWindow.Verdict.NEW);
  }

  @Test
  void aReadingOfASensorTheCatalogueLacksIsDeadLetteredNotFailingTheJob() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.processElement(reading(RACK, "coolant", "nonsense", 1, 30_000, 1));
    h.processElement(reading("greentwin.test:nowhere", "power", "powerKw", 1, 30_000, 1));
    assertThat(h.extractOutputValues()).isEmpty();
    assertThat(h.getSideOutput(ParseFunction.DEAD_LETTERS))
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.getValue().reason()).startsWith("unknown-point"));
  }

  @Test
  void mergesEveryChangedPropertyOfAThingOncePerProcessingTimeInterval() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(supply(45.1, 30_000, 1));
    h.processElement(reading(RACK, "coolant", "returnTempC", 55.2, 30_000, 1));
    h.processElement(reading(RACK, "thermal", "inletTempC", 24.0, 30_000, 1));
    h.setProcessingTime(500);
    h.processElement(supply(45.3, 60_000, 2));
    h.processElement(reading(PUMP, "power", "powerKw", 20.5, 30_000, 1));
    assertThat(merges(h)).isEmpty();

    h.setProcessingTime(1000);
    assertThat(merges(h))
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
    assertThat(merges(h)).hasSize(2);
    assertThat(SimulatedRun.values(merges(h).get(1))).isEqualTo(Map.of("power/powerKw", 20.5));
  }

  @Test
  void onlyPropertiesChangedSinceTheLastMergeAreSentAndNothingWhenNothingChanged()
      throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(supply(45.1, 30_000, 1));
    h.processElement(reading(RACK, "coolant", "returnTempC", 55.2, 30_000, 1));
    h.setProcessingTime(1000);
    h.processElement(reading(RACK, "coolant", "returnTempC", 55.9, 60_000, 2));
    h.setProcessingTime(5000);
    assertThat(merges(h)).hasSize(2);
    assertThat(SimulatedRun.values(merges(h).get(1)))
        .isEqualTo(Map.of("coolant/returnTempC", 55.9));
    h.setProcessingTime(10_000);
    assertThat(merges(h)).hasSize(2);
  }

  @Test
  void aStaleReadingPassesOnButNeverReachesTheTwin() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(supply(45.3, 60_000, 2));
    h.setProcessingTime(1000);
    // new by sequence number, but older by event time than what was sent: stale
    h.processElement(supply(45.1, 30_000, 1));
    // same event time, lower sequence number than the newest: stale
    h.processElement(supply(45.2, 60_000, 0));
    h.setProcessingTime(5000);
    assertThat(merges(h)).hasSize(1);
    assertThat(h.extractOutputValues()).extracting(Reading::seq).containsExactly(2L, 1L, 0L);

    // Late, but newer than what was sent: it is sent.
    h.processElement(supply(45.4, 60_000, 3));
    h.setProcessingTime(6000);
    assertThat(merges(h)).hasSize(2);
    assertThat(SimulatedRun.values(merges(h).get(1)))
        .isEqualTo(Map.of("coolant/supplyTempC", 45.4));
  }

  @Test
  void theEndOfABoundedInputFlushesWhatIsPending() throws Exception {
    var h = harness(FlushTrigger.PROCESSING_TIME);
    h.setProcessingTime(0);
    h.processElement(supply(45.1, 30_000, 1));
    h.processElement(reading(PUMP, "power", "powerKw", 20.5, 30_000, 1));
    h.processWatermark(Long.MAX_VALUE);
    assertThat(merges(h)).extracting(TwinPatch::thingId).containsExactly(RACK, PUMP);
    h.setProcessingTime(5000);
    assertThat(merges(h)).hasSize(2);
  }

  @Test
  void eventTimeFlushesWhenTheWatermarkPassesTheIntervalOfTheFirstPendingValue() throws Exception {
    var h = harness(FlushTrigger.EVENT_TIME);
    h.processElement(supply(45.1, 30_200, 1));
    h.processWatermark(30_998);
    assertThat(merges(h)).isEmpty();
    h.processElement(supply(45.2, 30_700, 2));
    h.processWatermark(30_999);
    assertThat(merges(h)).hasSize(1);
    assertThat(SimulatedRun.values(merges(h).get(0)))
        .isEqualTo(Map.of("coolant/supplyTempC", 45.2));

    h.processElement(supply(45.3, 32_500, 3));
    h.processElement(supply(45.4, 33_100, 4));
    h.processWatermark(40_000);
    assertThat(merges(h)).hasSize(2);
    assertThat(merges(h).get(1).eventTimeMs()).isEqualTo(33_100);
  }

  @Test
  void aRestoredSnapshotKeepsTheWindowsTheNewestValuesAndTheDueMerge() throws Exception {
    var before = harness(FlushTrigger.PROCESSING_TIME);
    before.setProcessingTime(0);
    before.processElement(supply(45.1, 30_000, 1));
    before.setProcessingTime(1000);
    before.processElement(supply(45.2, 60_000, 2));
    before.processElement(reading(RACK, "coolant", "returnTempC", 55.0, 60_000, 2));
    OperatorSubtaskState snapshot = before.snapshot(1, 1500);
    before.close();

    var after = harness(FlushTrigger.PROCESSING_TIME, snapshot);
    after.setProcessingTime(1500);
    after.processElement(supply(45.2, 60_000, 2)); // duplicate
    after.processElement(supply(45.0, 30_000, 1)); // duplicate
    after.processElement(reading(RACK, "coolant", "returnTempC", 54.0, 30_000, 1)); // stale
    assertThat(after.extractOutputValues()).extracting(Reading::seq).containsExactly(1L);
    after.setProcessingTime(2000);
    // the merge due at 2000 was scheduled before the snapshot, with the values it holds
    assertThat(merges(after)).hasSize(1);
    assertThat(SimulatedRun.values(merges(after).get(0)))
        .isEqualTo(Map.of("coolant/supplyTempC", 45.2, "coolant/returnTempC", 55.0));
    after.processElement(supply(45.3, 90_000, 3));
    after.setProcessingTime(3000);
    assertThat(merges(after)).hasSize(2);
    assertThat(SimulatedRun.values(merges(after).get(1)))
        .isEqualTo(Map.of("coolant/supplyTempC", 45.3));
  }
}
