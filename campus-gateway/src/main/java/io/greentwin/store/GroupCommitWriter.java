package io.greentwin.store;

import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's single writer, pipelined over two threads: this one drains queued writes in batches
 * and decides each against the state including earlier writes of the same batch and of the batch
 * still committing; {@link BatchCommitter} appends a decided batch in one transaction while the
 * next is decided, and only after the commit makes it visible and settles its writes, in order. A
 * failed commit fails its batch and every batch decided on top of it, and changes nothing in
 * memory: what was acknowledged is exactly what is durable.
 */
final class GroupCommitWriter {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_BATCH = 8_192;
  private static final int QUEUE = 65_536;

  private final JournalTwinService.StoreState state;
  private final Clock clock;
  private final int snapshotEvery;
  private final BatchCommitter committer;
  private final BlockingQueue<DecidedBatch.Pending> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile boolean running = true;
  private DecidedBatch handedOver;

  /** The previous batch's decision time: the next one is never earlier. */
  private Instant lastDecided = Instant.EPOCH;

  private long epoch;
  private long nextSeq;
  private int nextKey;

  GroupCommitWriter(
      TwinJournal journal,
      JournalTwinService.StoreState state,
      Clock clock,
      int snapshotEvery,
      CheckpointPolicy checkpoints,
      Consumer<TwinEvent> publish) {
    this.state = state;
    this.clock = clock;
    this.snapshotEvery = Math.max(1, snapshotEvery);
    this.committer = new BatchCommitter(journal, state, clock, checkpoints, publish);
    this.thread = new Thread(this::loop, "greentwin-twin-writer");
    thread.setDaemon(true);
  }

  void start() {
    nextSeq = state.seq;
    nextKey = state.nextKey;
    lastDecided = Instant.ofEpochMilli(state.lastTsMs);
    committer.start();
    thread.start();
  }

  CompletableFuture<TwinWriteResult> submit(TwinWrite w) {
    CompletableFuture<TwinWriteResult> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("the twin store is closed"));
      return f;
    }
    try {
      queue.put(new DecidedBatch.Pending(w, f));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.completeExceptionally(e);
    }
    return f;
  }

  long committedEvents() {
    return committer.committedEvents();
  }

  /** Transactions committed so far: events per commit shows how well group commit batches. */
  long commits() {
    return committer.commits();
  }

  /** Stops after every queued write is settled. */
  void stop() {
    running = false;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    committer.stop();
  }

  /** Writes a checkpoint of the committed state (after {@link #stop}). */
  void checkpoint() {
    committer.checkpoint();
  }

  private void loop() {
    List<DecidedBatch.Pending> writes = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        DecidedBatch.Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        writes.add(first);
        queue.drainTo(writes, MAX_BATCH - 1);
        decideAndHandOver(writes);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        writes.clear();
      }
    }
  }

  private void decideAndHandOver(List<DecidedBatch.Pending> writes) throws InterruptedException {
    DecidedBatch b = newBatch();
    Instant now = decisionTime();
    try {
      for (DecidedBatch.Pending p : writes) {
        b.decide(p, now);
      }
    } catch (RuntimeException e) {
      // A bug outside any single write: nothing of this batch was handed over or is visible.
      LOG.error("twin writer failed a batch of {} writes", writes.size(), e);
      writes.forEach(p -> p.done().completeExceptionally(e));
      return;
    }
    b.dropBase();
    committer.commit(b);
    handedOver = b;
    nextSeq = b.lastSeq();
    nextKey = b.nextKey;
  }

  /**
   * The clock's time, or the previous batch's when the clock stepped back: event times never fall
   * as the journal's seq rises, which readers at a time rely on (a campus snapshot stops reading at
   * the first checkpoint after its time; a history read at the first later event).
   */
  private Instant decisionTime() {
    Instant now = clock.instant();
    if (now.isBefore(lastDecided)) {
      now = lastDecided;
    }
    lastDecided = now;
    return now;
  }

  /**
   * A batch on top of the one still committing. After a failed commit, every batch handed over is
   * doomed: start a new epoch from the committed state (nothing commits until this batch arrives).
   */
  private DecidedBatch newBatch() {
    if (handedOver != null && committer.failed(epoch)) {
      epoch++;
      handedOver = null;
      nextSeq = state.seq;
      nextKey = state.nextKey;
    }
    return new DecidedBatch(state, snapshotEvery, handedOver, epoch, nextSeq, nextKey);
  }
}
