package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.MutableClock;
import io.greentwin.twin.TwinWrite;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal scan honours both ends of its seq range and its time, and the checkpoint bound. */
class JournalScanTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  @TempDir Path dir;

  @Test
  void readsOnlyTheSeqRangeUpToTheTime() throws Exception {
    MutableClock clock = new MutableClock(T0);
    TwinDatabase db = TwinDatabase.h2(dir);
    JournalTwinService store = JournalTwinService.open(db, clock, 100);
    ThingId a = ThingId.of("greentwin.test:a");
    store.write(TwinWrite.put(a, JsonPointer.empty(), JsonObject.empty(), "t")).join();
    for (int i = 1; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      store.write(TwinWrite.put(a, JsonPointer.of("/attributes/n"), JsonValue.of(i), "t")).join();
    }
    TwinJournal journal = new TwinJournal(db.dataSource(), false);
    try (Connection c = journal.connection()) {
      assertThat(seqs(journal, c, new JournalScan.Range(2, 7, null)))
          .containsExactly(3L, 4L, 5L, 6L, 7L);
      // Event seq k was written at T0 + (k - 1) s.
      assertThat(seqs(journal, c, new JournalScan.Range(2, 7, T0.plusSeconds(4).toEpochMilli())))
          .containsExactly(3L, 4L, 5L);
      assertThat(lazyQueryExecution(c)).as("pooled connection back to H2's default").isFalse();
    } finally {
      store.close();
    }
  }

  @Test
  void findsTheOldestCheckpointStampedAfterATime() throws Exception {
    TwinDatabase db = TwinDatabase.h2(dir);
    TwinJournal journal = new TwinJournal(db.dataSource(), false);
    try (Connection c = journal.connection()) {
      assertThat(JournalScan.firstCheckpointAfter(c, 0)).isEqualTo(Long.MAX_VALUE);
      journal.checkpoint(c, 10, 1_000);
      journal.checkpoint(c, 20, 2_000);
      journal.checkpoint(c, 30, 3_000);
      assertThat(JournalScan.firstCheckpointAfter(c, 1_999)).isEqualTo(20);
      assertThat(JournalScan.firstCheckpointAfter(c, 2_000)).isEqualTo(30);
      assertThat(JournalScan.firstCheckpointAfter(c, 3_000)).isEqualTo(Long.MAX_VALUE);
    } finally {
      db.close();
    }
  }

  private static List<Long> seqs(TwinJournal journal, Connection c, JournalScan.Range range)
      throws Exception {
    List<Long> out = new ArrayList<>();
    journal.rawEventsAfter(c, range, r -> out.add(r.seq()));
    return out;
  }

  private static boolean lazyQueryExecution(Connection c) throws Exception {
    return ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
        .isLazyQueryExecution();
  }
}
