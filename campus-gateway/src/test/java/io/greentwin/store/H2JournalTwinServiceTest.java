package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinServiceContractAccess;
import io.greentwin.twin.TwinWrite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable store on an H2 file passes the twin contract and survives a restart. */
class H2JournalTwinServiceTest extends TwinServiceContractAccess {
  @TempDir Path dir;

  @Override
  protected TwinService create(Clock clock) {
    // A snapshot every 3 events exercises snapshot + replay in every history test.
    return JournalTwinService.open(TwinDatabase.h2(dir), clock, 3);
  }

  @Test
  void anUnexpectedFailureInOneWriteFailsOnlyThatWriteAndSurvivesARestart() {
    ThingId a = ThingId.of("greentwin.test:b");
    JsonPointer n = JsonPointer.of("/attributes/n");
    twins
        .write(
            TwinWrite.put(a, JsonPointer.empty(), org.eclipse.ditto.json.JsonObject.empty(), "t"))
        .join();
    var broken =
        twins.write(
            TwinWrite.put(a, n, JsonValue.of(1), "t")
                .when(
                    current -> {
                      throw new IllegalStateException("a bug in a precondition");
                    }));
    var fine = twins.write(TwinWrite.put(a, n, JsonValue.of(2), "t"));
    assertThat(broken).failsWithin(java.time.Duration.ofSeconds(5));
    assertThat(fine.join().event().revision()).isEqualTo(2);
    twins.close();
    twins = JournalTwinService.open(TwinDatabase.h2(dir), clock, 3);
    assertThat(twins.get(a).orElseThrow().getRevision().orElseThrow().toLong()).isEqualTo(2);
    assertThat(twins.get(a).orElseThrow().getAttributes().orElseThrow().getValue("n"))
        .contains(JsonValue.of(2));
  }

  @Test
  void restartRecoversLatestStatesRevisionsAndHistory() {
    ThingId a = ThingId.of("greentwin.test:a");
    JsonPointer temp = JsonPointer.of("/features/coolant/properties/supplyTempC");
    twins
        .write(
            TwinWrite.put(
                a,
                JsonPointer.empty(),
                org.eclipse.ditto.json.JsonFactory.readFrom("{\"features\":{\"coolant\":{}}}"),
                "t"))
        .join();
    for (int i = 1; i <= 10; i++) {
      clock.now = T0.plusSeconds(i);
      twins.write(TwinWrite.put(a, temp, JsonValue.of(40 + i), "t")).join();
    }
    twins.close();
    TwinService reopened = JournalTwinService.open(TwinDatabase.h2(dir), clock, 3);
    try {
      assertThat(reopened.get(a).orElseThrow().getRevision().orElseThrow().toLong()).isEqualTo(11);
      assertThat(reopened.get(a).orElseThrow().toJson().getValue(temp)).contains(JsonValue.of(50));
      assertThat(reopened.getAtRevision(a, 5).orElseThrow().toJson().getValue(temp))
          .contains(JsonValue.of(44));
      assertThat(
              reopened
                  .getAtTime(a, Instant.parse("2026-05-01T10:00:07.5Z"))
                  .orElseThrow()
                  .toJson()
                  .getValue(temp))
          .contains(JsonValue.of(47));
      // Revisions continue after a restart.
      assertThat(
              reopened
                  .write(TwinWrite.put(a, temp, JsonValue.of(1), "t"))
                  .join()
                  .event()
                  .revision())
          .isEqualTo(12);
    } finally {
      reopened.close();
      twins = JournalTwinService.open(TwinDatabase.h2(dir.resolve("other")), clock, 3);
    }
  }
}
