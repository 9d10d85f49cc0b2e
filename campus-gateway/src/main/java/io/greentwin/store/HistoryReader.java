package io.greentwin.store;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinTransitions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Point-in-time reads from the journal: the newest snapshot at or before the point, then the few
 * events after it up to the point (at most one snapshot interval), replayed through the same
 * transitions as live writes.
 */
final class HistoryReader {
  private final TwinJournal journal;
  private final JournalTwinService.StoreState state;
  private final int snapshotEvery;
  private final EventChain chain;

  /** Parsed snapshots by (thing key, revision), least recently used evicted. */
  private final Map<SnapshotKey, Optional<Thing>> snapshotCache =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SnapshotKey, Optional<Thing>> eldest) {
          return size() > SNAPSHOT_CACHE_ENTRIES;
        }
      };

  /** Parsed snapshots kept: about two per twin of a large campus. */
  static final int SNAPSHOT_CACHE_ENTRIES = 12_000;

  HistoryReader(TwinJournal journal, JournalTwinService.StoreState state, int snapshotEvery) {
    this.journal = journal;
    this.state = state;
    this.snapshotEvery = snapshotEvery;
    this.chain = new EventChain(journal);
  }

  Optional<Thing> atRevision(ThingId id, long revision) {
    Integer key = state.keys.get(id);
    if (key == null || revision < 1) {
      return Optional.empty();
    }
    return sql(
        () -> replay(id, key, journal.snapshotAtRevision(key, revision), revision, e -> true));
  }

  Optional<Thing> atTime(ThingId id, Instant time) {
    Integer key = state.keys.get(id);
    if (key == null) {
      return Optional.empty();
    }
    long ms = time.toEpochMilli();
    return sql(
        () ->
            replay(
                id,
                key,
                journal.snapshotAtTime(key, ms),
                Long.MAX_VALUE,
                e -> e.timestamp().toEpochMilli() <= ms));
  }

  List<TwinEvent> events(ThingId id, long from, long to) {
    Integer key = state.keys.get(id);
    if (key == null) {
      return List.of();
    }
    return sql(() -> chainEvents(key, id, from, to));
  }

  Map<ThingId, Thing> snapshotAt(Instant time) {
    long ms = time.toEpochMilli();
    return sql(
        () -> {
          Map<ThingId, Optional<Thing>> states = new HashMap<>();
          try (Connection c = journal.connection()) {
            Map<ThingId, Long> revisions = new HashMap<>();
            try (var byKey = c.prepareStatement(TwinJournal.SNAPSHOT_STATE_SQL)) {
              for (long[] k : journal.latestSnapshotKeys(c, ms)) {
                ThingId id = state.ids.get((int) k[0]);
                states.put(id, cachedSnapshot(byKey, (int) k[0], k[1]));
                revisions.put(id, k[1]);
              }
            }
            journal.eventsAfter(
                c,
                journal.checkpointSeq(c, ms),
                ms,
                state.ids::get,
                (e, seq) -> {
                  if (e.revision() > revisions.getOrDefault(e.thingId(), 0L)) {
                    states.put(
                        e.thingId(),
                        TwinTransitions.apply(
                            states.getOrDefault(e.thingId(), Optional.empty()), e));
                    revisions.put(e.thingId(), e.revision());
                  }
                });
          }
          Map<ThingId, Thing> out = new HashMap<>();
          states.forEach((id, t) -> t.ifPresent(thing -> out.put(id, thing)));
          return out;
        });
  }

  /**
   * A snapshot's thing, parsed once: successive campus snapshots (a replay scrubbing through time)
   * mostly share their snapshot rows, so they skip both the read and the parse.
   */
  private Optional<Thing> cachedSnapshot(java.sql.PreparedStatement byKey, int key, long revision)
      throws SQLException {
    SnapshotKey k = new SnapshotKey(key, revision);
    synchronized (snapshotCache) {
      Optional<Thing> hit = snapshotCache.get(k);
      if (hit != null) {
        return hit;
      }
    }
    Optional<Thing> parsed = Snapshots.parse(journal.snapshotState(byKey, key, revision));
    synchronized (snapshotCache) {
      snapshotCache.put(k, parsed);
    }
    return parsed;
  }

  private record SnapshotKey(int thingKey, long revision) {}

  private Optional<Thing> replay(
      ThingId id,
      int key,
      Optional<TwinJournal.SnapshotRow> snap,
      long toRevision,
      Predicate<TwinEvent> include)
      throws SQLException {
    if (snap.isEmpty()) {
      return Optional.empty();
    }
    Optional<Thing> thing = Snapshots.parse(snap.get().state());
    long from = snap.get().revision() + 1;
    long current = state.revisions.getOrDefault(id, 0L);
    // Snapshots are at most snapshotEvery revisions apart: the answer lies before the next one.
    long to = Math.min(Math.min(toRevision, current), snap.get().revision() + snapshotEvery);
    if (from > to) {
      return thing;
    }
    List<TwinEvent> run = new java.util.ArrayList<>();
    for (TwinEvent e : chainEvents(key, id, from, to)) {
      if (!include.test(e)) {
        break;
      }
      run.add(e);
    }
    return TwinTransitions.replay(thing, run);
  }

  private List<TwinEvent> chainEvents(int key, ThingId id, long from, long to) throws SQLException {
    // Revision first, then the chain entry: the committer publishes them the other way round.
    long current = state.revisions.getOrDefault(id, 0L);
    long latestSeq = state.lastSeq.getOrDefault(id, 0L);
    try (Connection c = journal.connection()) {
      return chain.events(c, key, id, Math.max(1, from), Math.min(to, current), latestSeq);
    }
  }

  private interface SqlCall<T> {
    T call() throws SQLException;
  }

  private static <T> T sql(SqlCall<T> call) {
    try {
      return call.call();
    } catch (SQLException e) {
      throw new GreenTwinException(
          ErrorCode.IO_FAILED,
          "twin history read failed: " + e.getMessage(),
          "journal unavailable",
          e);
    }
  }
}
