package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** De-duplication by sensor and sequence number, driven by an operator test harness. */
class DedupFunctionTest {
  private static final String RACK = "greentwin.test:rack-1";

  private static StreamRecord<Reading> reading(String property, long seq) {
    return new StreamRecord<>(
        new Reading(RACK, "coolant", property, 45, "Cel", Instant.ofEpochSecond(seq * 30), seq));
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Reading, Reading> harness()
      throws Exception {
    var h =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new DedupFunction(Duration.ofHours(1)), new TwinSyncJob.ThingKey(), Types.STRING);
    h.open();
    return h;
  }

  @Test
  void dropsARepeatedSequenceNumberOfTheSameSensorOnly() throws Exception {
    var h = harness();
    h.processElement(reading("supplyTempC", 7));
    h.processElement(reading("supplyTempC", 7));
    h.processElement(reading("returnTempC", 7));
    h.processElement(reading("supplyTempC", 8));
    h.processElement(reading("supplyTempC", 8));
    assertThat(h.extractOutputValues())
        .extracting(r -> r.property() + "#" + r.seq())
        .containsExactly("supplyTempC#7", "returnTempC#7", "supplyTempC#8");
  }

  @Test
  void passesLateButNewReadingsOnceAndDeadLettersThoseTooFarBehindToTell() throws Exception {
    var h = harness();
    h.processElement(reading("supplyTempC", 100));
    h.processElement(reading("supplyTempC", 98));
    h.processElement(reading("supplyTempC", 98));
    h.processElement(reading("supplyTempC", 100 - SeqWindow.SIZE + 1));
    h.processElement(reading("supplyTempC", 100 - SeqWindow.SIZE));
    h.processElement(reading("supplyTempC", 99));
    assertThat(h.extractOutputValues())
        .extracting(Reading::seq)
        .containsExactly(100L, 98L, 100L - SeqWindow.SIZE + 1, 99L);
    assertThat(h.getSideOutput(ParseFunction.DEAD_LETTERS))
        .singleElement()
        .extracting(StreamRecord::getValue)
        .satisfies(
            d -> {
              assertThat(((DeadLetter) d).reason()).startsWith("too-late: seq 36 is 64 or more");
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
}
