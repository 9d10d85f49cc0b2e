package io.greentwin.store;

import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinTransitions;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's single writer: drains queued writes in batches, decides each against the state
 * including earlier writes of the same batch, appends the batch in one transaction, and only after
 * the commit makes it visible and acknowledges it. A failed commit fails the whole batch and
 * changes nothing in memory: what was acknowledged is exactly what is durable.
 */
final class GroupCommitWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_BATCH = 8_192;
  private static final int QUEUE = 65_536;

  /** How often the writer checkpoints: bounds the events a crash recovery replays. */
  static final long CHECKPOINT_EVERY_MS = 2_000;

  private record Pending(TwinWrite write, CompletableFuture<TwinWriteResult> done) {}

  private final TwinJournal journal;
  private final JournalTwinService.StoreState state;
  private final Clock clock;
  private final int snapshotEvery;
  private final Consumer<TwinEvent> publish;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private long lastCheckpointMs;
  private long lastCheckpointSeq = -1;

  GroupCommitWriter(
      TwinJournal journal,
      JournalTwinService.StoreState state,
      Clock clock,
      int snapshotEvery,
      Consumer<TwinEvent> publish) {
    this.journal = journal;
    this.state = state;
    this.clock = clock;
    this.snapshotEvery = Math.max(1, snapshotEvery);
    this.publish = publish;
    this.thread = new Thread(this::loop, "greentwin-twin-writer");
    thread.setDaemon(true);
  }

  void start() {
    lastCheckpointMs = clock.millis();
    lastCheckpointSeq = state.checkpointSeq;
    thread.start();
  }

  CompletableFuture<TwinWriteResult> submit(TwinWrite w) {
    CompletableFuture<TwinWriteResult> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("the twin store is closed"));
      return f;
    }
    try {
      queue.put(new Pending(w, f));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.completeExceptionally(e);
    }
    return f;
  }

  long committedEvents() {
    return committed.get();
  }

  /** Transactions committed so far: events per commit shows how well group commit batches. */
  long commits() {
    return commits.get();
  }

  void stop() {
    running = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (clock.millis() - lastCheckpointMs >= CHECKPOINT_EVERY_MS) {
          checkpoint();
        }
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        process(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("twin writer failed a batch of {} writes", batch.size(), e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void process(List<Pending> batch) {
    Batch b = new Batch();
    Instant now = clock.instant();
    try {
      for (Pending p : batch) {
        b.decide(p, now);
      }
      if (b.events.isEmpty()) {
        return;
      }
      try (Connection c = journal.connection()) {
        c.setAutoCommit(false);
        journal.append(c, b.newKeys, b.newIds, b.rows, b.snapshots);
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      // Nothing of the batch is visible or acknowledged: undo its sequence numbers and keys.
      LOG.error("twin journal batch failed; {} writes not applied", b.events.size(), e);
      b.rollBack();
      IllegalStateException failure =
          new IllegalStateException("the twin journal could not commit: " + e.getMessage(), e);
      batch.forEach(p -> p.done().completeExceptionally(failure));
      return;
    }
    b.publish();
  }

  /** One batch being decided: an overlay of states on top of the committed ones. */
  private final class Batch {
    final Map<ThingId, Optional<Thing>> overlay = new HashMap<>();
    final List<TwinEvent> events = new ArrayList<>();
    final List<TwinWriteResult> results = new ArrayList<>();
    final List<Pending> accepted = new ArrayList<>();
    final List<TwinJournal.EventRow> rows = new ArrayList<>();
    final List<TwinJournal.SnapshotRow> snapshots = new ArrayList<>();
    final List<int[]> newKeys = new ArrayList<>();
    final List<String> newIds = new ArrayList<>();
    final Map<ThingId, Long> snapshotMarks = new HashMap<>();
    final Map<ThingId, Long> batchRevisions = new HashMap<>();
    final long seqBefore = state.seq;
    final int keyBefore = state.nextKey;

    void decide(Pending p, Instant now) {
      ThingId id = p.write().thingId();
      Optional<Thing> current =
          overlay.containsKey(id) ? overlay.get(id) : Optional.ofNullable(state.latest.get(id));
      long revision = revision(id) + 1;
      TwinEvent e;
      Optional<Thing> next;
      try {
        TwinTransitions.Decision d = TwinTransitions.decide(current, p.write(), revision, now);
        e = d.event();
        next = d.next();
      } catch (RuntimeException ex) {
        // Ditto's exception for a write that cannot apply; anything else fails only this write.
        p.done().completeExceptionally(ex);
        return;
      }
      overlay.put(id, next);
      batchRevisions.put(id, revision);
      int key = key(id);
      long seq = ++state.seq;
      rows.add(new TwinJournal.EventRow(seq, key, e));
      long last = snapshotMarks.getOrDefault(id, state.lastSnapshot.getOrDefault(id, 0L));
      boolean rootChange = e.path().isEmpty();
      if (rootChange || revision - last >= snapshotEvery) {
        snapshots.add(
            new TwinJournal.SnapshotRow(
                key, revision, now.toEpochMilli(), seq, Snapshots.json(next)));
        snapshotMarks.put(id, revision);
      }
      events.add(e);
      accepted.add(p);
      results.add(new TwinWriteResult(e, next, e.kind() == EventKind.CREATED));
    }

    private long revision(ThingId id) {
      Long inBatch = batchRevisions.get(id);
      return inBatch != null ? inBatch : state.revisions.getOrDefault(id, 0L);
    }

    private int key(ThingId id) {
      Integer k = state.keys.get(id);
      if (k == null) {
        k = state.nextKey++;
        state.keys.put(id, k);
        state.ids.put(k, id);
        newKeys.add(new int[] {k});
        newIds.add(id.toString());
      }
      return k;
    }

    void rollBack() {
      state.seq = seqBefore;
      state.nextKey = keyBefore;
      for (String id : newIds) {
        Integer k = state.keys.remove(ThingId.of(id));
        if (k != null) {
          state.ids.remove(k);
        }
      }
    }

    void publish() {
      overlay.forEach(
          (id, t) ->
              t.ifPresentOrElse(
                  thing -> state.latest.put(id, thing), () -> state.latest.remove(id)));
      state.revisions.putAll(batchRevisions);
      state.lastSnapshot.putAll(snapshotMarks);
      committed.addAndGet(events.size());
      commits.incrementAndGet();
      for (int i = 0; i < events.size(); i++) {
        publish.accept(events.get(i));
        accepted.get(i).done().complete(results.get(i));
      }
    }
  }

  /**
   * A checkpoint: a snapshot of every thing changed since its last snapshot, and the journal
   * sequence they cover, in one transaction. Recovery replays only what follows the newest
   * checkpoint; at shutdown this makes the next start replay nothing. Runs on the writer thread, or
   * after it stopped.
   */
  void checkpoint() {
    long ts = clock.millis();
    if (state.seq == lastCheckpointSeq) {
      lastCheckpointMs = ts;
      return;
    }
    List<TwinJournal.SnapshotRow> rows = new ArrayList<>();
    long seq = state.seq;
    state.revisions.forEach(
        (id, rev) -> {
          Thing t = state.latest.get(id);
          // A deleted thing already has its snapshot: every change at the root is snapshotted.
          if (t != null && rev > state.lastSnapshot.getOrDefault(id, 0L)) {
            rows.add(
                new TwinJournal.SnapshotRow(
                    state.keys.get(id), rev, ts, seq, Snapshots.json(Optional.of(t))));
          }
        });
    try (Connection c = journal.connection()) {
      c.setAutoCommit(false);
      journal.insertSnapshots(c, rows);
      journal.checkpoint(c, seq, ts);
      c.commit();
      rows.forEach(r -> state.lastSnapshot.put(state.ids.get(r.thingKey()), r.revision()));
      lastCheckpointMs = ts;
      lastCheckpointSeq = seq;
    } catch (SQLException e) {
      LOG.warn("checkpoint at seq {} not written; recovery will replay more events", seq, e);
    }
  }
}
