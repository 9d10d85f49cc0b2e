package io.greentwin.store;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinTransitions;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, event-sourced twin store. Writes queue to one writer thread that applies them in
 * arrival order, appends their events (and due snapshots) in one transaction per batch — group
 * commit — and only after the commit publishes the new states, completes the writes' futures and
 * tells subscribers. Latest states are served from memory; history is read from the journal.
 */
public final class JournalTwinService implements TwinService {
  private static final Logger LOG = LoggerFactory.getLogger(JournalTwinService.class);

  private final TwinDatabase database;
  private final TwinJournal journal;
  private final StoreState state;
  private final GroupCommitWriter writer;
  private final HistoryReader history;
  private final List<Consumer<TwinEvent>> listeners = new CopyOnWriteArrayList<>();
  private boolean closed;

  private JournalTwinService(
      TwinDatabase database, Clock clock, int snapshotEvery, CheckpointPolicy checkpoints) {
    this.database = database;
    this.journal = new TwinJournal(database.dataSource(), database.isPostgres());
    long t0 = System.nanoTime();
    this.state = StoreState.recover(journal);
    LOG.info(
        "recovered {} twins in {} ms", state.latest.size(), (System.nanoTime() - t0) / 1_000_000);
    this.writer =
        new GroupCommitWriter(journal, state, clock, snapshotEvery, checkpoints, this::publish);
    this.history = new HistoryReader(journal, state, Math.max(1, snapshotEvery));
    writer.start();
  }

  /** Opens (and recovers) a store; {@code snapshotEvery} events per thing bound the replay. */
  public static JournalTwinService open(TwinDatabase database, Clock clock, int snapshotEvery) {
    return open(database, clock, snapshotEvery, CheckpointPolicy.DEFAULT);
  }

  /** Opens (and recovers) a store that takes checkpoints as {@code checkpoints} says. */
  public static JournalTwinService open(
      TwinDatabase database, Clock clock, int snapshotEvery, CheckpointPolicy checkpoints) {
    return new JournalTwinService(database, clock, snapshotEvery, checkpoints);
  }

  @Override
  public Optional<Thing> get(ThingId id) {
    return Optional.ofNullable(state.latest.get(id));
  }

  @Override
  public Collection<Thing> all() {
    return List.copyOf(state.latest.values());
  }

  @Override
  public CompletableFuture<TwinWriteResult> write(TwinWrite write) {
    return writer.submit(write);
  }

  @Override
  public AutoCloseable subscribe(Consumer<TwinEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public Optional<Thing> getAtRevision(ThingId id, long revision) {
    return history.atRevision(id, revision);
  }

  @Override
  public Optional<Thing> getAtTime(ThingId id, Instant time) {
    return history.atTime(id, time);
  }

  @Override
  public List<TwinEvent> events(ThingId id, long fromRevision, long toRevision) {
    return history.events(id, fromRevision, toRevision);
  }

  @Override
  public Map<ThingId, Thing> snapshotAt(Instant time) {
    return history.snapshotAt(time);
  }

  @Override
  public List<TwinEvent> eventsBetween(Instant from, Instant to, int limit) {
    return history.eventsBetween(from, to, limit);
  }

  /** Events committed so far (for benchmarks and metrics). */
  public long committedEvents() {
    return writer.committedEvents();
  }

  /** Journal transactions committed so far (for benchmarks and metrics). */
  public long commits() {
    return writer.commits();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    writer.stop();
    writer.checkpoint();
    listeners.clear();
    database.close();
  }

  private void publish(TwinEvent e) {
    for (Consumer<TwinEvent> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        LOG.warn("a twin event subscriber failed on {}", e.thingId(), ex);
      }
    }
  }

  /** The in-memory side of the store: latest states, revisions and thing keys. */
  static final class StoreState {
    final Map<ThingId, Thing> latest = new ConcurrentHashMap<>();
    final Map<ThingId, Long> revisions = new ConcurrentHashMap<>();
    final Map<ThingId, Long> lastSnapshot = new ConcurrentHashMap<>();

    /** The seq of each thing's latest committed event: where its event chain starts. */
    final Map<ThingId, Long> lastSeq = new ConcurrentHashMap<>();

    final Map<ThingId, Integer> keys = new ConcurrentHashMap<>();
    final Map<Integer, ThingId> ids = new ConcurrentHashMap<>();

    /** Each twin's newest snapshots, parsed: what a campus snapshot near now starts from. */
    final RecentSnapshots recent = new RecentSnapshots();

    /** The last committed journal sequence and the next free thing key (written on commit). */
    volatile long seq;

    volatile int nextKey = 1;
    long checkpointSeq;

    /** The newest event time recovered: new events are never stamped earlier. */
    long lastTsMs;

    static StoreState recover(TwinJournal journal) {
      StoreState s = new StoreState();
      try (Connection c = journal.connection()) {
        for (Object[] row : journal.thingKeys(c)) {
          ThingId id = ThingId.of((String) row[1]);
          s.keys.put(id, (Integer) row[0]);
          s.ids.put((Integer) row[0], id);
          s.nextKey = Math.max(s.nextKey, (Integer) row[0] + 1);
        }
        s.seq = journal.maxSeq(c);
        Map<ThingId, Optional<Thing>> states = new HashMap<>();
        for (TwinJournal.SnapshotRow row : journal.latestSnapshots(c, null)) {
          ThingId id = s.ids.get(row.thingKey());
          Optional<Thing> parsed = Snapshots.parse(row.state());
          states.put(id, parsed);
          s.recent.add(
              new RecentSnapshots.Held(row.thingKey(), row.revision(), row.tsMs(), parsed));
          s.lastTsMs = Math.max(s.lastTsMs, row.tsMs());
          s.revisions.put(id, row.revision());
          s.lastSnapshot.put(id, row.revision());
          s.lastSeq.put(id, row.seq());
        }
        // Every thing has a snapshot covering its state at the newest checkpoint: replay only
        // the events after it that are newer than the thing's snapshot.
        s.checkpointSeq = journal.checkpointSeq(c, null);
        journal.eventsAfter(
            c,
            s.checkpointSeq,
            null,
            s.ids::get,
            (e, seq) -> {
              s.lastTsMs = Math.max(s.lastTsMs, e.timestamp().toEpochMilli());
              if (e.revision() > s.revisions.getOrDefault(e.thingId(), 0L)) {
                states.put(
                    e.thingId(),
                    TwinTransitions.apply(states.getOrDefault(e.thingId(), Optional.empty()), e));
                s.revisions.put(e.thingId(), e.revision());
                s.lastSeq.put(e.thingId(), seq);
              }
            });
        states.forEach((id, t) -> t.ifPresent(thing -> s.latest.put(id, thing)));
      } catch (SQLException e) {
        throw new GreenTwinException(
            ErrorCode.IO_FAILED,
            "cannot recover the twin store: " + e.getMessage(),
            "twin store recovery failed",
            e);
      }
      return s;
    }
  }
}
