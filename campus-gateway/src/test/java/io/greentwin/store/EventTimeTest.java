package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.MutableClock;
import io.greentwin.twin.TwinWrite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event times never fall as the journal grows, even when the clock steps back (NTP), before or
 * across a restart: reads at a time stop at the first event or checkpoint after it.
 */
class EventTimeTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final ThingId A = ThingId.of("greentwin.test:a");
  private static final JsonPointer N = JsonPointer.of("/attributes/n");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0.plusSeconds(10));

  @Test
  void aClockSteppingBackDoesNotStampAnEventBeforeThePreviousOne() {
    JournalTwinService store = JournalTwinService.open(TwinDatabase.h2(dir), clock, 100);
    try {
      Instant first = write(store, 1);
      clock.advance(Duration.ofSeconds(-5));
      Instant second = write(store, 2);
      assertThat(second).isEqualTo(first);
      assertThat(store.getAtTime(A, first).orElseThrow().toJson().getValue(N))
          .contains(JsonValue.of(2));
    } finally {
      store.close();
    }
  }

  @Test
  void aClockBehindTheJournalAtRestartDoesNotStampAnEventBeforeTheRecoveredOnes() {
    JournalTwinService store = JournalTwinService.open(TwinDatabase.h2(dir), clock, 100);
    Instant first = write(store, 1);
    store.close();
    clock.advance(Duration.ofSeconds(-5));
    JournalTwinService reopened = JournalTwinService.open(TwinDatabase.h2(dir), clock, 100);
    try {
      assertThat(write(reopened, 2)).isAfterOrEqualTo(first);
    } finally {
      reopened.close();
    }
  }

  private Instant write(JournalTwinService store, int n) {
    if (store.get(A).isEmpty()) {
      store.write(TwinWrite.put(A, JsonPointer.empty(), JsonObject.empty(), "t")).join();
    }
    return store.write(TwinWrite.put(A, N, JsonValue.of(n), "t")).join().event().timestamp();
  }
}
