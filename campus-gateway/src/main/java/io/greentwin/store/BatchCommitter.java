package io.greentwin.store;

import io.greentwin.twin.TwinEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's second thread: appends each decided batch in one transaction while the writer thread
 * decides the next, and only after the commit makes the batch visible, publishes its events and
 * settles its writes, strictly in order. A failed commit changes nothing in memory and fails every
 * later batch of its epoch too (they were decided on top of it); the writer then starts a new epoch
 * from the committed state. Checkpoints are captured here, between batches, from committed state
 * only, and written by {@link Checkpointer} off this thread.
 */
final class BatchCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(BatchCommitter.class);

  private final TwinJournal journal;
  private final JournalTwinService.StoreState state;
  private final Clock clock;
  private final Consumer<TwinEvent> publish;
  private final SynchronousQueue<DecidedBatch> handoff = new SynchronousQueue<>();
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final Thread thread;
  private volatile boolean open = true;
  private volatile long failedEpoch = -1;
  private final Checkpointer checkpoints;
  private final CheckpointPolicy policy;
  private long lastCheckpointMs;
  private long lastCheckpointSeq;

  /** When the last committed batch was decided: what a checkpoint's snapshots are stamped with. */
  private long lastBatchMs;

  BatchCommitter(
      TwinJournal journal,
      JournalTwinService.StoreState state,
      Clock clock,
      CheckpointPolicy policy,
      Consumer<TwinEvent> publish) {
    this.journal = journal;
    this.policy = policy;
    this.state = state;
    this.clock = clock;
    this.publish = publish;
    this.checkpoints = new Checkpointer(journal, state);
    this.thread = new Thread(this::loop, "greentwin-twin-committer");
    thread.setDaemon(true);
  }

  void start() {
    lastCheckpointMs = clock.millis();
    lastCheckpointSeq = state.checkpointSeq;
    // Recovered events (after a crash) are all older, even when the clock stepped back since.
    lastBatchMs = Math.max(lastCheckpointMs, state.lastTsMs);
    thread.start();
  }

  /**
   * Hands a decided batch over; returns once the committer took it, that is once every earlier
   * batch is settled (committed and visible, or failed).
   */
  void commit(DecidedBatch b) throws InterruptedException {
    handoff.put(b);
  }

  /** True when a batch of this epoch failed: the writer must start over from committed state. */
  boolean failed(long epoch) {
    return failedEpoch == epoch;
  }

  long committedEvents() {
    return committed.get();
  }

  long commits() {
    return commits.get();
  }

  /** Stops after the batches already handed over (the writer hands over nothing more). */
  void stop() {
    open = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    while (true) {
      DecidedBatch b;
      try {
        b = handoff.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (b != null) {
        process(b);
      } else if (!open) {
        return;
      }
      long now = clock.millis();
      if (policy.due(now - lastCheckpointMs, state.seq - lastCheckpointSeq)) {
        // Stamped with the last committed batch's time, not now: a batch decided before now but
        // not committed yet has later revisions, and a snapshot's time must not pass theirs.
        checkpoints.start(lastBatchMs);
        lastCheckpointMs = now;
        lastCheckpointSeq = state.seq;
      }
    }
  }

  private void process(DecidedBatch b) {
    if (failedEpoch == b.epoch) {
      LOG.warn("{} twin writes failed: decided on top of a batch that failed", b.outcomes.size());
      settleFailed(b, new IllegalStateException("an earlier twin journal batch failed to commit"));
      return;
    }
    if (b.hasEvents()) {
      try (Connection c = journal.connection()) {
        c.setAutoCommit(false);
        journal.append(c, b.newKeys, b.rows, b.snapshots);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        failedEpoch = b.epoch;
        LOG.error("twin journal batch failed; {} events not applied", b.rows.size(), e);
        settleFailed(b, e);
        return;
      }
    }
    try {
      reveal(b);
    } catch (RuntimeException e) {
      // Durable already: only a bug gets here. Later batches may build on this one.
      LOG.error("twin writer failed to publish a committed batch", e);
    }
  }

  /** The batch is durable: make it visible, then publish and acknowledge in arrival order. */
  private void reveal(DecidedBatch b) {
    b.newKeys.forEach(
        (id, k) -> {
          state.keys.put(id, k);
          state.ids.put(k, id);
        });
    b.overlay.forEach(
        (id, t) ->
            t.ifPresentOrElse(thing -> state.latest.put(id, thing), () -> state.latest.remove(id)));
    // The chain entry before the revision: a reader that sees a revision finds its event.
    state.lastSeq.putAll(b.lastSeqs);
    state.revisions.putAll(b.revisions);
    b.snapshotMarks.forEach((id, r) -> state.lastSnapshot.merge(id, r, Math::max));
    b.held.forEach(state.recent::add);
    if (b.hasEvents()) {
      lastBatchMs = b.decidedMs;
      state.seq = b.lastSeq();
      state.nextKey = b.nextKey;
      committed.addAndGet(b.rows.size());
      commits.incrementAndGet();
    }
    for (DecidedBatch.Outcome o : b.outcomes) {
      if (o.rejection() != null) {
        o.pending().done().completeExceptionally(o.rejection());
      } else {
        publish.accept(o.result().event());
        o.pending().done().complete(o.result());
      }
    }
  }

  private static void settleFailed(DecidedBatch b, Exception cause) {
    IllegalStateException failure =
        new IllegalStateException(
            "the twin journal could not commit: " + cause.getMessage(), cause);
    b.outcomes.forEach(o -> o.pending().done().completeExceptionally(failure));
  }

  /** Writes a checkpoint of the committed state, once a checkpoint being written is done. */
  void checkpoint() {
    checkpoints.finish(lastBatchMs);
  }
}
