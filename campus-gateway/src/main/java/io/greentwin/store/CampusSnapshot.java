package io.greentwin.store;

import io.greentwin.twin.TwinTransitions;
import java.sql.Connection;
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
 * Every twin at a time T: each twin's state to start from, then the journal's events after the
 * newest checkpoint at or before T, up to T, replayed on it. The start is, in this order of cost,
 * the twin's current state when it has not changed since T; its newest snapshot at or before T
 * still held in memory ({@link RecentSnapshots}: a snapshot near now needs no query and no parse);
 * else its newest snapshot in the journal, read on the calling thread and parsed on all cores.
 * Parsed journal snapshots are kept (least recently used evicted): successive snapshots, a replay
 * scrubbing through time, mostly share them. The journal is read only up to the first checkpoint
 * after T (event times never fall as seq rises), streamed ({@link JournalScan}), and each twin's
 * rows are thinned as they come ({@link SupersedingRun}): a snapshot holds about one row per
 * changed property, not a checkpoint interval of journal. Replaying events, per twin and
 * independent, runs on all cores. When every twin starts from a state that includes everything
 * revealed when the call began, only the journal after that point is read: a snapshot at now reads
 * next to nothing.
 */
final class CampusSnapshot {
  /** Parsed snapshots kept: about two per twin of a large campus. */
  static final int CACHE_ENTRIES = 12_000;

  private record Key(int thingKey, long revision) {
    /**
     * Spread: the record's own hash, 31 × key + revision, collides across thousands of twins with
     * similar revisions, and the cache's bins turned into trees of keys it cannot order.
     */
    @Override
    public int hashCode() {
      long h = thingKey * 0x9E3779B97F4A7C15L ^ revision;
      return (int) (h ^ (h >>> 32));
    }
  }

  /** Each twin's state to start from, at a revision; twins absent from it start empty. */
  private record Start(Map<ThingId, Optional<Thing>> states, Map<ThingId, Long> revisions) {
    Start() {
      this(new HashMap<>(), new HashMap<>());
    }

    void put(ThingId id, long revision, Optional<Thing> thing) {
      states.put(id, thing);
      revisions.put(id, revision);
    }
  }

  private final TwinJournal journal;
  private final JournalTwinService.StoreState state;
  private final SnapshotReads reads;
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
    this.reads = new SnapshotReads(journal.isPostgres());
  }

  Map<ThingId, Thing> at(long ms) throws SQLException {
    Start start = new Start();
    Map<ThingId, SupersedingRun> after = new HashMap<>();
    try (Connection c = journal.connection()) {
      // The checkpoint before any state: the snapshots it covers were held before it committed.
      long checkpoint = journal.checkpointSeq(c, ms);
      long revealed = state.seq;
      List<Integer> older = fromMemory(ms, start);
      boolean current = older.isEmpty() && includeRevealed(start);
      fromJournal(c, ms, older, start);
      journal.rawEventsAfter(
          c,
          new JournalScan.Range(
              current ? Math.max(checkpoint, revealed) : checkpoint,
              JournalScan.firstCheckpointAfter(c, ms),
              ms),
          r -> {
            ThingId id = state.ids.get(r.thingKey());
            if (r.revision() > start.revisions().getOrDefault(id, 0L)) {
              after.computeIfAbsent(id, k -> new SupersedingRun()).add(r);
            }
          });
    }
    Map<ThingId, Optional<Thing>> states = start.states();
    List<ThingId> changed = new ArrayList<>(after.keySet());
    List<Optional<Thing>> replayed =
        IntStream.range(0, changed.size())
            .parallel()
            .mapToObj(
                i ->
                    replay(
                        states.getOrDefault(changed.get(i), Optional.empty()),
                        changed.get(i),
                        after.get(changed.get(i)).rows()))
            .toList();
    for (int i = 0; i < changed.size(); i++) {
      states.put(changed.get(i), replayed.get(i));
    }
    Map<ThingId, Thing> out = new HashMap<>();
    states.forEach((id, t) -> t.ifPresent(thing -> out.put(id, thing)));
    return out;
  }

  /**
   * Starts every twin it can from memory: its current state if not modified after T, else its
   * newest held snapshot at or before T. Returns the keys of the others.
   */
  private List<Integer> fromMemory(long ms, Start start) {
    List<Integer> older = new ArrayList<>();
    for (Map.Entry<Integer, ThingId> e : state.ids.entrySet()) {
      ThingId id = e.getValue();
      Thing now = state.latest.get(id);
      if (now != null
          && now.getRevision().isPresent()
          && now.getModified().isPresent()
          && now.getModified().get().toEpochMilli() <= ms) {
        start.put(id, now.getRevision().get().toLong(), Optional.of(now));
        continue;
      }
      RecentSnapshots.Held h = state.recent.at(e.getKey(), ms);
      if (h == null) {
        older.add(e.getKey());
      } else {
        start.put(id, h.revision(), h.state());
      }
    }
    return older;
  }

  /** True when every twin starts at or after its revision revealed by now. */
  private boolean includeRevealed(Start start) {
    for (Map.Entry<ThingId, Long> r : state.revisions.entrySet()) {
      if (start.revisions().getOrDefault(r.getKey(), 0L) < r.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Starts the keys from their newest journal snapshot at or before T. */
  private void fromJournal(Connection c, long ms, List<Integer> older, Start start)
      throws SQLException {
    if (older.isEmpty()) {
      return;
    }
    List<long[]> keys = reads.latest(c, ms, older);
    for (long[] k : keys) {
      start.revisions().put(state.ids.get((int) k[0]), k[1]);
    }
    snapshots(c, keys, start.states());
  }

  /**
   * The same transitions as live writes, event by event, over the events that still matter (the run
   * already dropped the overwritten ones wherever that is exact, {@link SupersedingRun}).
   */
  private Optional<Thing> replay(
      Optional<Thing> start, ThingId id, List<TwinJournal.RawEvent> events) {
    Optional<Thing> t = start;
    for (TwinJournal.RawEvent r : events) {
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
    List<long[]> wanted = new ArrayList<>(missing.size());
    for (Key k : missing) {
      wanted.add(new long[] {k.thingKey(), k.revision()});
    }
    List<String> json = reads.states(c, wanted);
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
