package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal commit that fails (here: a CHECK constraint the test adds rejects one event's payload)
 * fails its whole batch and every batch decided on top of it, while batches before and after it
 * commit: what was acknowledged is exactly the durable state, in memory and after a restart.
 */
class JournalCommitFailureTest {
  private static final ThingId A = ThingId.of("greentwin.test:a");
  private static final ThingId LATE = ThingId.of("greentwin.test:late");
  private static final JsonPointer N = JsonPointer.of("/attributes/n");
  private static final int WRITES = 4_000;
  private static final int BOOM = 2_000;

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void aFailedCommitFailsEveryWriteDecidedOnItAndChangesNothing() throws Exception {
    TwinDatabase db = TwinDatabase.h2(dir);
    JournalTwinService twins = JournalTwinService.open(db, clock, 3);
    twins.write(TwinWrite.put(A, JsonPointer.empty(), JsonObject.empty(), "t")).join();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE twin_event ADD CONSTRAINT no_boom CHECK (payload <> '\"boom\"')");
    }
    List<CompletableFuture<TwinWriteResult>> writes = new ArrayList<>();
    CompletableFuture<TwinWriteResult> late = null;
    for (int i = 1; i <= WRITES; i++) {
      writes.add(twins.write(TwinWrite.put(A, N, JsonValue.of(i == BOOM ? "boom" : "v" + i), "t")));
      if (i % 10 == 0) {
        // Paced so that writes keep arriving while the failing batch commits: the batch decided
        // on top of it must fail too (it does in most runs; the assertions hold either way).
        Thread.sleep(1);
      }
      if (i == BOOM + 1) {
        // A new thing (and thing key) right after the failing write.
        late = twins.write(TwinWrite.put(LATE, JsonPointer.empty(), JsonObject.empty(), "t"));
      }
    }
    List<String> acked = new ArrayList<>();
    for (int i = 0; i < WRITES; i++) {
      TwinWriteResult r = resultOrNull(writes.get(i));
      if (r != null) {
        acked.add("v" + (i + 1));
        // Acknowledged revisions follow one another: a failed batch leaves no gap.
        assertThat(r.event().revision()).isEqualTo(acked.size() + 1);
      }
    }
    assertThat(writes.get(BOOM - 1)).isCompletedExceptionally();
    assertThat(acked).hasSizeLessThan(WRITES).contains("v1");
    // The store goes on from the committed state.
    String after = "v" + (WRITES + 1);
    assertThat(twins.write(TwinWrite.put(A, N, JsonValue.of(after), "t")).join().event().revision())
        .isEqualTo(acked.size() + 2);
    acked.add(after);
    boolean lateAcked = resultOrNull(late) != null;
    assertCommittedState(twins, acked, lateAcked);
    twins.close();

    JournalTwinService reopened = JournalTwinService.open(TwinDatabase.h2(dir), clock, 3);
    try {
      assertCommittedState(reopened, acked, lateAcked);
      assertThat(
              reopened.write(TwinWrite.put(A, N, JsonValue.of(0), "t")).join().event().revision())
          .isEqualTo(acked.size() + 2);
    } finally {
      reopened.close();
    }
  }

  private static void assertCommittedState(
      JournalTwinService twins, List<String> acked, boolean lateAcked) {
    var a = twins.get(A).orElseThrow();
    assertThat(a.getRevision().orElseThrow().toLong()).isEqualTo(acked.size() + 1);
    assertThat(a.toJson().getValue(N)).contains(JsonValue.of(acked.get(acked.size() - 1)));
    for (int rev : new int[] {2, acked.size() / 2, acked.size() + 1}) {
      assertThat(twins.getAtRevision(A, rev).orElseThrow().toJson().getValue(N))
          .contains(JsonValue.of(acked.get(rev - 2)));
    }
    assertThat(twins.events(A, 2, acked.size() + 1))
        .extracting(e -> e.value().asString())
        .containsExactlyElementsOf(acked);
    assertThat(twins.get(LATE).isPresent()).isEqualTo(lateAcked);
  }

  private static TwinWriteResult resultOrNull(CompletableFuture<TwinWriteResult> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      return null;
    }
  }
}
