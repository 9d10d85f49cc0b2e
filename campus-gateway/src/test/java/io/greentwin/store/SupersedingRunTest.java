package io.greentwin.store;

import static io.greentwin.store.SupersededTest.event;
import static io.greentwin.store.SupersededTest.replay;
import static io.greentwin.store.SupersededTest.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.twin.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thinning a twin's events while they are scanned replays to the same twin as all of them, also
 * when an event that is not a plain set, or a nested path, comes part-way; it holds one row per
 * path while every event is a plain set.
 */
class SupersedingRunTest {
  // The twin, replay and rows of SupersededTest.
  private static final String[] PATHS = {
    "/features/power/properties/powerKw",
    "/features/power/properties/status",
    "/features/coolant/properties/supplyTempC",
    "/attributes/hall"
  };

  @Test
  void holdsOneRowPerPathWhileEveryEventIsAPlainSet() {
    SupersedingRun run = new SupersedingRun();
    List<TwinJournal.RawEvent> all = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      TwinJournal.RawEvent e = set(11 + i, PATHS[i % PATHS.length], String.valueOf(i));
      all.add(e);
      run.add(e);
    }
    assertThat(run.rows()).hasSize(PATHS.length);
    assertThat(run.rows().get(PATHS.length - 1)).isSameAs(all.get(all.size() - 1));
    assertThat(replay(run.rows())).isEqualTo(replay(all));
  }

  @Test
  void replaysToTheSameTwinWhateverComesPartWay() {
    Random r = new Random(11);
    for (int round = 0; round < 200; round++) {
      SupersedingRun run = new SupersedingRun();
      List<TwinJournal.RawEvent> all = new ArrayList<>();
      int n = 2 + r.nextInt(300);
      for (int i = 0; i < n; i++) {
        TwinJournal.RawEvent e = randomEvent(r, 11 + i);
        all.add(e);
        run.add(e);
      }
      assertThat(replay(run.rows())).as("round %d", round).isEqualTo(replay(all));
    }
  }

  /** Mostly plain sets; now and then a merge, or a path nested in another. */
  private static TwinJournal.RawEvent randomEvent(Random r, long revision) {
    int pick = r.nextInt(200);
    if (pick == 0) {
      return event(revision, EventKind.MERGED, "/attributes", "{\"room\":" + revision + "}");
    }
    if (pick == 1) {
      return set(revision, "/features/power/properties/a", "{\"x\":" + revision + "}");
    }
    if (pick == 2) {
      return set(revision, "/features/power/properties/a/x", String.valueOf(revision));
    }
    return set(revision, PATHS[r.nextInt(PATHS.length)], String.valueOf(r.nextInt(100)));
  }
}
