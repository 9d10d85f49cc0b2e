package io.greentwin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints off the commit path. The committer captures, between two batches, which twins changed
 * since their last snapshot and their committed states (references: states are immutable); a thread
 * of its own renders their snapshots and writes them with the checkpoint row in one transaction of
 * its own, while batches keep committing. Recovery replays only what follows the newest checkpoint,
 * so a checkpoint still being written, or one that failed, only means more events to replay; at
 * shutdown the last one makes the next start replay nothing.
 */
final class Checkpointer {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  /** A twin's snapshot due: its state at a revision, and its event there (its chain's start). */
  private record Due(RecentSnapshots.Held held, long seq) {}

  /** What a checkpoint writes: snapshots of committed states, up to a journal sequence. */
  private record Capture(long seq, long tsMs, List<Due> due) {}

  private final TwinJournal journal;
  private final JournalTwinService.StoreState state;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "greentwin-twin-checkpoint");
            t.setDaemon(true);
            return t;
          });
  private volatile long writtenSeq;
  private Future<?> running;

  Checkpointer(TwinJournal journal, JournalTwinService.StoreState state) {
    this.journal = journal;
    this.state = state;
    this.writtenSeq = state.checkpointSeq;
  }

  /**
   * Starts a checkpoint of the committed state, stamped {@code tsMs}; only between batches, on the
   * committer thread. Skipped while the previous one is still being written.
   */
  void start(long tsMs) {
    if (running != null && !running.isDone()) {
      return;
    }
    Capture c = capture(tsMs);
    if (c != null) {
      running = thread.submit(() -> write(c));
    }
  }

  /** Waits for a checkpoint being written, then writes one of the committed state, and stops. */
  void finish(long tsMs) {
    if (running != null) {
      try {
        running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        LOG.warn("a checkpoint failed", e.getCause());
      }
    }
    thread.shutdown();
    Capture c = capture(tsMs);
    if (c != null) {
      write(c);
    }
  }

  /**
   * The twins changed since their last snapshot, at the last committed sequence. Their snapshots
   * are held in memory at once, before they are durable: a reader that sees the checkpoint row must
   * find a snapshot at least as new as the checkpoint for every twin.
   */
  private Capture capture(long tsMs) {
    long seq = state.seq;
    if (seq == writtenSeq) {
      return null;
    }
    List<Due> due = new ArrayList<>();
    for (Map.Entry<ThingId, Long> r : state.revisions.entrySet()) {
      Thing t = state.latest.get(r.getKey());
      // A deleted thing already has its snapshot: every change at the root is snapshotted.
      if (t != null && r.getValue() > state.lastSnapshot.getOrDefault(r.getKey(), 0L)) {
        RecentSnapshots.Held h =
            new RecentSnapshots.Held(
                state.keys.get(r.getKey()), r.getValue(), tsMs, Optional.of(t));
        state.recent.add(h);
        due.add(new Due(h, state.lastSeq.getOrDefault(r.getKey(), seq)));
      }
    }
    return new Capture(seq, tsMs, due);
  }

  private void write(Capture capture) {
    List<TwinJournal.SnapshotRow> rows = new ArrayList<>(capture.due().size());
    for (Due d : capture.due()) {
      RecentSnapshots.Held h = d.held();
      rows.add(
          new TwinJournal.SnapshotRow(
              h.thingKey(), h.revision(), h.tsMs(), d.seq(), Snapshots.json(h.state())));
    }
    try (Connection c = journal.connection()) {
      c.setAutoCommit(false);
      journal.insertSnapshots(c, rows);
      journal.checkpoint(c, capture.seq(), capture.tsMs());
      c.commit();
      rows.forEach(
          r -> state.lastSnapshot.merge(state.ids.get(r.thingKey()), r.revision(), Math::max));
      writtenSeq = capture.seq();
    } catch (SQLException e) {
      LOG.warn(
          "checkpoint at seq {} not written; recovery will replay more events", capture.seq(), e);
    }
  }
}
