package io.greentwin.store;

import io.greentwin.twin.TwinTransitions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Every twin at a time T from the journal: each twin's newest snapshot at or before T, then the
 * events after the newest checkpoint at or before T, up to T. The database is read on the calling
 * thread; parsing snapshots and replaying events, per twin and independent, run on all cores.
 * Parsed snapshots are kept (least recently used evicted): successive snapshots, a replay scrubbing
 * through time, mostly share their snapshot rows and skip both the read and the parse.
 */
final class CampusSnapshot {
  /** Parsed snapshots kept: about two per twin of a large campus. */
  static final int CACHE_ENTRIES = 12_000;

  private record Key(int thingKey, long revision) {}

  private final TwinJournal journal;
  private final JournalTwinService.StoreState state;
  private final Map<Key, Optional<Thing>> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<Thing>> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  CampusSnapshot(TwinJournal journal, JournalTwinService.StoreState state) {
    this.journal = journal;
    this.state = state;
  }

  Map<ThingId, Thing> at(long ms) throws SQLException {
    Map<ThingId, Optional<Thing>> states = new HashMap<>();
    Map<ThingId, Long> revisions = new HashMap<>();
    Map<ThingId, List<TwinJournal.RawEvent>> after = new HashMap<>();
    try (Connection c = journal.connection()) {
      List<long[]> keys = journal.latestSnapshotKeys(c, ms, List.copyOf(state.ids.keySet()));
      for (long[] k : keys) {
        revisions.put(state.ids.get((int) k[0]), k[1]);
      }
      snapshots(c, keys, states);
      journal.rawEventsAfter(
          c,
          journal.checkpointSeq(c, ms),
          ms,
          r -> {
            ThingId id = state.ids.get(r.thingKey());
            if (r.revision() > revisions.getOrDefault(id, 0L)) {
              after.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
            }
          });
    }
    List<ThingId> changed = new ArrayList<>(after.keySet());
    List<Optional<Thing>> replayed =
        IntStream.range(0, changed.size())
            .parallel()
            .mapToObj(
                i ->
                    replay(
                        states.getOrDefault(changed.get(i), Optional.empty()),
                        changed.get(i),
                        after.get(changed.get(i))))
            .toList();
    for (int i = 0; i < changed.size(); i++) {
      states.put(changed.get(i), replayed.get(i));
    }
    Map<ThingId, Thing> out = new HashMap<>();
    states.forEach((id, t) -> t.ifPresent(thing -> out.put(id, thing)));
    return out;
  }

  /** The same transitions as live writes, event by event, over the events that still matter. */
  private Optional<Thing> replay(
      Optional<Thing> start, ThingId id, List<TwinJournal.RawEvent> events) {
    Optional<Thing> t = start;
    for (TwinJournal.RawEvent r : Superseded.dropped(events)) {
      t = TwinTransitions.apply(t, journal.event(r, id));
    }
    return t;
  }

  /** The snapshots of the keys: from the cache, else read here and parsed on all cores. */
  private void snapshots(Connection c, List<long[]> keys, Map<ThingId, Optional<Thing>> states)
      throws SQLException {
    List<Key> missing = new ArrayList<>();
    synchronized (cache) {
      for (long[] k : keys) {
        Key key = new Key((int) k[0], k[1]);
        Optional<Thing> hit = cache.get(key);
        if (hit != null) {
          states.put(state.ids.get(key.thingKey()), hit);
        } else {
          missing.add(key);
        }
      }
    }
    List<String> json = new ArrayList<>(missing.size());
    try (PreparedStatement byKey = c.prepareStatement(TwinJournal.SNAPSHOT_STATE_SQL)) {
      for (Key k : missing) {
        json.add(journal.snapshotState(byKey, k.thingKey(), k.revision()));
      }
    }
    List<Optional<Thing>> parsed =
        IntStream.range(0, missing.size())
            .parallel()
            .mapToObj(i -> Snapshots.parse(json.get(i)))
            .toList();
    synchronized (cache) {
      for (int i = 0; i < missing.size(); i++) {
        cache.put(missing.get(i), parsed.get(i));
        states.put(state.ids.get(missing.get(i).thingKey()), parsed.get(i));
      }
    }
  }
}
