package io.greentwin.store;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinTransitions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

  private final CampusSnapshot campus;

  HistoryReader(TwinJournal journal, JournalTwinService.StoreState state, int snapshotEvery) {
    this.journal = journal;
    this.state = state;
    this.snapshotEvery = snapshotEvery;
    this.chain = new EventChain(journal);
    this.campus = new CampusSnapshot(journal, state);
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
    return sql(() -> chainEvents(key, id, from, to, -1));
  }

  Map<ThingId, Thing> snapshotAt(Instant time) {
    return sql(() -> campus.at(time.toEpochMilli()));
  }

  /**
   * The journal from the newest checkpoint before {@code from} (every earlier event is older than
   * it), up to {@code to}: the first {@code limit} committed events at or after {@code from}, only
   * those parsed.
   */
  List<TwinEvent> eventsBetween(Instant from, Instant to, int limit) {
    long fromMs = from.toEpochMilli();
    long committed = state.seq;
    List<TwinEvent> out = new ArrayList<>();
    return sql(
        () -> {
          try (Connection c = journal.connection()) {
            journal.rawEventsAfter(
                c,
                new JournalScan.Range(
                    journal.checkpointSeq(c, fromMs - 1), committed, to.toEpochMilli()),
                r -> {
                  if (r.seq() <= committed && r.tsMs() >= fromMs && out.size() < limit) {
                    out.add(journal.event(r, state.ids.get(r.thingKey())));
                  }
                });
          }
          return out;
        });
  }

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
    List<TwinEvent> run = new ArrayList<>();
    // The snapshot's seq bounds the journal from below for every later revision of the thing.
    for (TwinEvent e : chainEvents(key, id, from, to, snap.get().seq())) {
      if (!include.test(e)) {
        break;
      }
      run.add(e);
    }
    return TwinTransitions.replay(thing, run);
  }

  private List<TwinEvent> chainEvents(int key, ThingId id, long from, long to, long lowerSeq)
      throws SQLException {
    // Revision first, then the chain entry: the committer publishes them the other way round.
    long current = state.revisions.getOrDefault(id, 0L);
    long latestSeq = state.lastSeq.getOrDefault(id, 0L);
    try (Connection c = journal.connection()) {
      return chain.events(
          c, key, id, Math.max(1, from), Math.min(to, current), latestSeq, lowerSeq);
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
