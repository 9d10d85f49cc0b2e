package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinTransitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

/**
 * Thinning a twin's events while they are scanned replays to the same twin as all of them, also
 * when an event that is not a plain set, or a nested path, comes part-way; it holds one row per
 * path while every event is a plain set, and drops nothing before a nested path or a merge.
 */
class SupersedingRunTest {
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

  /** The rows a run keeps of {@code events}, added in order. */
  private static List<TwinJournal.RawEvent> thinned(List<TwinJournal.RawEvent> events) {
    SupersedingRun run = new SupersedingRun();
    events.forEach(run::add);
    return run.rows();
  }

  static final ThingId ID = ThingId.of("greentwin.test:rack-1");
  static final TwinJournal JOURNAL = new TwinJournal((DataSource) null, false);
  static final Thing START =
      ThingsModelFactory.newThing(
          JsonObject.of(
              "{\"thingId\":\"greentwin.test:rack-1\",\"_revision\":10,"
                  + "\"_created\":\"2026-05-01T10:00:00Z\",\"_modified\":\"2026-05-01T10:00:00Z\","
                  + "\"features\":{\"power\":{\"properties\":{\"powerKw\":1,\"a\":{\"x\":0}}}},"
                  + "\"attributes\":{\"hall\":\"B1\"}}"));

  @Test
  void replayingTheKeptEventsGivesTheSameTwin() {
    Random r = new Random(7);
    for (int round = 0; round < 50; round++) {
      List<TwinJournal.RawEvent> events = new ArrayList<>();
      int n = 2 + r.nextInt(30);
      for (int i = 0; i < n; i++) {
        events.add(set(11 + i, PATHS[r.nextInt(PATHS.length)], String.valueOf(r.nextInt(100))));
      }
      List<TwinJournal.RawEvent> kept = thinned(events);
      assertThat(kept.size()).isLessThanOrEqualTo(PATHS.length);
      assertThat(kept.get(kept.size() - 1)).isSameAs(events.get(events.size() - 1));
      assertThat(replay(kept)).isEqualTo(replay(events));
    }
  }

  @Test
  void keepsEverythingUnlessOnlyLeafSetsWithoutNestedPaths() {
    List<TwinJournal.RawEvent> nested =
        List.of(
            set(11, "/features/power/properties/a", "{\"x\":1}"),
            set(12, "/features/power/properties/a/x", "2"),
            set(13, "/features/power/properties/a", "{\"x\":1}"));
    assertThat(thinned(nested)).isEqualTo(nested);
    List<TwinJournal.RawEvent> merged =
        List.of(
            set(11, "/attributes/hall", "\"B2\""),
            new TwinJournal.RawEvent(
                12, 1, 12, 0, (short) EventKind.MERGED.ordinal(), "/attributes", "{}", "t"),
            set(13, "/attributes/hall", "\"B3\""));
    assertThat(thinned(merged)).isEqualTo(merged);
    List<TwinJournal.RawEvent> siblings =
        List.of(
            set(11, "/attributes/a", "1"),
            set(12, "/attributes/ab", "2"),
            set(13, "/attributes/a", "3"));
    assertThat(thinned(siblings)).containsExactly(siblings.get(1), siblings.get(2));
  }

  static Optional<Thing> replay(List<TwinJournal.RawEvent> events) {
    Optional<Thing> t = Optional.of(START);
    for (TwinJournal.RawEvent e : events) {
      t = TwinTransitions.apply(t, JOURNAL.event(e, ID));
    }
    return t;
  }

  static TwinJournal.RawEvent set(long revision, String path, String json) {
    return event(revision, EventKind.MODIFIED, path, json);
  }

  static TwinJournal.RawEvent event(long revision, EventKind kind, String path, String json) {
    long ts = Instant.parse("2026-05-01T10:00:00Z").toEpochMilli() + revision;
    return new TwinJournal.RawEvent(
        revision, 1, revision, ts, (short) kind.ordinal(), path, json, "t");
  }
}
