package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinWrite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History without a per-thing journal index: every revision of interleaved twins reads back
 * exactly, over short and long ranges, after restarts, and over rows written before the event chain
 * existed (no links, checkpoint snapshots carrying the journal's seq).
 */
class EventChainTest {
  private static final JsonPointer N = JsonPointer.of("/attributes/n");
  private static final ThingId HOT = ThingId.of("greentwin.test:hot");
  private static final ThingId[] THINGS = {
    HOT, ThingId.of("greentwin.test:b"), ThingId.of("greentwin.test:slow")
  };

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

  /** Each thing's attribute n by revision (revision 1 creates the thing without n). */
  private final Map<ThingId, List<Long>> written = new HashMap<>();

  @Test
  void everyRevisionReadsBackAcrossRestartsAndRowsFromBeforeTheChain() throws Exception {
    TwinDatabase db = TwinDatabase.h2(dir);
    JournalTwinService twins = JournalTwinService.open(db, clock, 5);
    for (ThingId id : THINGS) {
      twins.write(TwinWrite.put(id, JsonPointer.empty(), JsonObject.empty(), "t")).join();
      written.put(id, new ArrayList<>(List.of(-1L)));
    }
    writeRound(twins, 600);
    assertHistory(twins);
    twins.close();

    twins = JournalTwinService.open(TwinDatabase.h2(dir), clock, 5);
    assertHistory(twins);
    writeRound(twins, 40);
    twins.close();

    // Rows as the journal wrote them before V4: no chain links, and checkpoint snapshots keyed by
    // the journal's seq at the checkpoint (here: just before the thing's next event).
    TwinDatabase old = TwinDatabase.h2(dir);
    try (Connection c = old.dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute("UPDATE twin_event SET prev_seq = NULL");
      st.execute(
          "UPDATE twin_snapshot s SET seq = COALESCE((SELECT MIN(e.seq) - 1 FROM twin_event e"
              + " WHERE e.thing_key = s.thing_key AND e.revision > s.revision), s.seq)");
    }
    twins = JournalTwinService.open(old, clock, 5);
    assertHistory(twins);
    writeRound(twins, 30); // new links onto old rows
    assertHistory(twins);
    twins.close();
  }

  /** The hot twin every step, b every other, the slow one every 50th. */
  private void writeRound(JournalTwinService twins, int steps) {
    for (int i = 0; i < steps; i++) {
      write(twins, HOT, i);
      if (i % 2 == 0) {
        write(twins, THINGS[1], i);
      }
      if (i % 50 == 0) {
        write(twins, THINGS[2], i);
      }
    }
  }

  private void write(JournalTwinService twins, ThingId id, long value) {
    long revision =
        twins.write(TwinWrite.put(id, N, JsonValue.of(value), "t")).join().event().revision();
    List<Long> values = written.get(id);
    values.add(value);
    assertThat(revision).isEqualTo(values.size());
  }

  private void assertHistory(JournalTwinService twins) {
    for (ThingId id : THINGS) {
      List<Long> values = written.get(id);
      int current = values.size();
      for (int rev = current; rev >= 1; rev -= id.equals(HOT) && rev < current - 20 ? 7 : 1) {
        var n =
            twins
                .getAtRevision(id, rev)
                .orElseThrow()
                .getAttributes()
                .flatMap(a -> a.getValue("n"));
        assertThat(n.map(JsonValue::asLong).orElse(-1L))
            .as("%s at %d", id, rev)
            .isEqualTo(values.get(rev - 1));
      }
      assertRange(twins, id, 1, current);
      assertRange(twins, id, 2, Math.min(current, 9));
      assertRange(twins, id, current / 3, current - 2);
    }
  }

  private void assertRange(JournalTwinService twins, ThingId id, int from, int to) {
    List<Long> values = written.get(id);
    List<TwinEvent> events = twins.events(id, from, to);
    assertThat(events)
        .extracting(TwinEvent::revision)
        .as("%s %d..%d", id, from, to)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(Math.max(1, from), to).boxed().toList());
    for (TwinEvent e : events) {
      if (e.revision() > 1) {
        assertThat(e.value().asLong()).isEqualTo(values.get((int) e.revision() - 1));
      }
    }
  }
}
