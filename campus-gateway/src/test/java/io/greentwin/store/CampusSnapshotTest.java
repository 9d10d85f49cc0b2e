package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.MutableClock;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinWrite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campus snapshot at any time equals the in-memory service's, whether twins start from their
 * current state, a snapshot held in memory or one in the journal, with checkpoints written while
 * twins keep changing, and again after a restart (which holds only each twin's newest snapshot).
 */
class CampusSnapshotTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final JsonPointer N = JsonPointer.of("/attributes/n");
  private static final JsonPointer KW = JsonPointer.of("/features/power/properties/kw");
  private static final int ROUNDS = 60;
  private static final String NEW =
      "{\"attributes\":{\"n\":0},\"features\":{\"power\":{\"properties\":{\"kw\":0}}}}";

  /** A checkpoint every 2 s of the clock whenever anything changed. */
  private static final CheckpointPolicy EVERY_2_S = new CheckpointPolicy(1, 2_000, 2_000);

  @TempDir Path dir;

  @Test
  void snapshotsAtEveryTimeMatchTheInMemoryServiceBeforeAndAfterARestart() throws Exception {
    snapshotsMatchTheInMemoryService(() -> TwinDatabase.h2(dir));
  }

  /**
   * The check on any database: {@code database} opens the same (initially empty) store each time it
   * is called (PostgreSQL runs it in {@code PostgresCampusSnapshotIT}).
   */
  static void snapshotsMatchTheInMemoryService(Supplier<TwinDatabase> database) throws Exception {
    MutableClock clock = new MutableClock(T0);
    InMemoryTwinService expected = new InMemoryTwinService(clock);
    JournalTwinService store = JournalTwinService.open(database.get(), clock, 3, EVERY_2_S);
    for (int i = 0; i < ROUNDS; i++) {
      // A second per round: the committer checkpoints every 2 s of this clock, between batches.
      clock.advance(Duration.ofSeconds(i == 0 ? 0 : 1));
      for (TwinWrite w : round(i)) {
        expected.write(w).join();
        store.write(w).join();
      }
      Thread.sleep(i % 10 == 0 ? 120 : 0);
    }
    assertSameSnapshots(expected, store);
    store.close();
    JournalTwinService reopened = JournalTwinService.open(database.get(), clock, 3);
    try {
      assertSameSnapshots(expected, reopened);
    } finally {
      reopened.close();
    }
  }

  /** Property writes to a few twins; one is deleted and created again (root changes). */
  private static TwinWrite[] round(int i) {
    ThingId a = ThingId.of("greentwin.test:r" + i % 4);
    ThingId b = ThingId.of("greentwin.test:r" + (i * 7 + 1) % 5);
    if (i < 5) {
      return new TwinWrite[] {
        TwinWrite.put(
            ThingId.of("greentwin.test:r" + i), JsonPointer.empty(), JsonObject.of(NEW), "t")
      };
    }
    if (i == 30) {
      return new TwinWrite[] {TwinWrite.delete(a, JsonPointer.empty(), "t")};
    }
    if (i == 34) {
      return new TwinWrite[] {TwinWrite.put(a, JsonPointer.empty(), JsonObject.of(NEW), "t")};
    }
    TwinWrite second =
        i == 31 || i == 32 || i == 33
            ? TwinWrite.put(ThingId.of("greentwin.test:r4"), KW, JsonValue.of(i * 1.5), "t")
            : TwinWrite.put(b, N, JsonValue.of(-i), "t");
    return i == 31 || i == 32 || i == 33
        ? new TwinWrite[] {second}
        : new TwinWrite[] {TwinWrite.put(a, N, JsonValue.of(i), "t"), second};
  }

  private static void assertSameSnapshots(TwinService expected, TwinService actual) {
    for (long ms = -500; ms <= ROUNDS * 1000L + 500; ms += 250) {
      Instant at = T0.plusMillis(ms);
      assertThat(json(actual.snapshotAt(at)))
          .as("snapshot at %s", at)
          .isEqualTo(json(expected.snapshotAt(at)));
    }
  }

  private static Map<String, String> json(Map<ThingId, org.eclipse.ditto.things.model.Thing> m) {
    Map<String, String> out = new TreeMap<>();
    m.forEach(
        (id, t) ->
            out.put(id.toString(), t.toJson(JsonSchemaVersion.V_2, FieldType.all()).toString()));
    return out;
  }
}
