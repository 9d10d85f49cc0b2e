package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestLatencyTest {
  private static final long FIRST_TICK_MS = 1_000_000_000L;
  private static final String THING = "greentwin.test:rack-1";
  private final IngestProbe probe = IngestProbe.register("latency-test", FIRST_TICK_MS, 10_000);

  @AfterEach
  void unregister() {
    probe.unregister();
  }

  private static TwinPatch patch(long newestTick, int properties) {
    StringBuilder json = new StringBuilder("{\"features\":{\"power\":{\"properties\":{");
    for (int i = 0; i < properties; i++) {
      json.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":").append(i);
    }
    long newestMs = FIRST_TICK_MS + newestTick * 10_000;
    // as the sync job writes it: each feature also carries the time of its newest reading
    json.append(",\"observedAt\":\"").append(ObservedAt.format(newestMs)).append("\"}}}}");
    return new TwinPatch(
        THING,
        "/",
        json.toString(),
        false,
        newestMs,
        ObservedAt.condition(java.util.Map.of("power", newestMs)));
  }

  private static TwinEvent merged() {
    return new TwinEvent(
        ThingId.of(THING),
        EventKind.MERGED,
        JsonPointer.empty(),
        JsonValue.nullLiteral(),
        2,
        Instant.now(),
        "admin");
  }

  @Test
  void everyReadingOfACommittedMergeCountsAgainstTheTimeItsTickWasDue() {
    // 10 simulated seconds per wall second: tick n is due n seconds after the first tick
    IngestLatency latency = new IngestLatency(probe, FIRST_TICK_MS, Duration.ofSeconds(10), 10);
    latency.window(0, 1_000_000_000L);
    probe.anchorMs.set(System.currentTimeMillis() - 5_000);
    probe.patchSent(patch(2, 3)); // ticks 0, 1, 2 of 3 properties: due 5, 4 and 3 s ago
    latency.committed(merged());

    IngestLatency.Result r = latency.result(3);
    assertThat(r.committed()).isEqualTo(9);
    assertThat(r.maxMs()).isBetween(5_000L, 6_000L);
    assertThat(r.p50Ms()).isBetween(4_000L, 5_000L);
  }

  @Test
  void aMergeNotSentByTheJobIsIgnoredAndSpansDoNotOverlap() {
    IngestLatency latency = new IngestLatency(probe, FIRST_TICK_MS, Duration.ofSeconds(10), 10);
    latency.window(0, 1_000_000_000L);
    probe.anchorMs.set(System.currentTimeMillis());
    latency.committed(merged()); // nothing sent: the campus sync, say
    probe.patchSent(patch(0, 2));
    probe.patchSent(patch(1, 2));
    latency.committed(merged());
    latency.committed(merged());

    assertThat(latency.result(2).committed()).isEqualTo(4);
  }

  @Test
  void patchesOfTheKpiAndIncidentBranchesCarryNoReadingButKeepCommitsPaired() {
    IngestLatency latency = new IngestLatency(probe, FIRST_TICK_MS, Duration.ofSeconds(10), 10);
    latency.window(0, 1_000_000_000L);
    probe.anchorMs.set(System.currentTimeMillis() - 5_000);
    // a new incident twin (put of a whole thing) spanning the run: no sensor reading in it
    probe.patchSent(
        new TwinPatch(THING, "/", "{\"attributes\":{\"a\":1,\"b\":2}}", true, FIRST_TICK_MS * 2));
    // a KPI window on the same twin
    probe.patchSent(
        new TwinPatch(THING, "/features/kpi/properties", "{\"pue\":1.1}", false, FIRST_TICK_MS));
    probe.patchSent(patch(0, 2)); // tick 0, due 5 s ago
    latency.committed(merged()); // the incident twin's commit
    latency.committed(merged()); // the KPI's
    assertThat(latency.result(2).committed()).isZero();

    latency.committed(merged()); // the sensor merge's
    IngestLatency.Result r = latency.result(2);
    assertThat(r.committed()).isEqualTo(2);
    assertThat(r.maxMs()).isBetween(5_000L, 6_000L);
  }

  @Test
  void onlyObservedAtGuardedMergesAtTheRootAreSensorMerges() {
    assertThat(IngestProbe.isSensorMerge(patch(0, 1))).isTrue();
    assertThat(IngestProbe.isSensorMerge(new TwinPatch(THING, "/", "{}", false, 0))).isFalse();
    assertThat(IngestProbe.isSensorMerge(new TwinPatch(THING, "/", "{}", true, 0))).isFalse();
    assertThat(
            IngestProbe.isSensorMerge(
                new TwinPatch(THING, "/features/kpi/properties", "{}", false, 0)))
        .isFalse();
  }
}
