package io.greentwin.jobs.twin;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.deadletter.DeadLetterStore;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Writes twin patches through a {@link TwinChannel}, at least once: at most {@code maxInFlight}
 * unacknowledged (then {@link #write} blocks), patches of one thing strictly one after another (so
 * a retried older patch never lands after a newer one), transient failures retried with exponential
 * backoff, refusals to the dead-letter store; a patch whose condition the twin does not meet is
 * split per feature and what still fails is dropped as stale ({@code twinPatchesStale}). {@link
 * #flush} — before every checkpoint and at the end of input — returns only once every patch written
 * so far is acknowledged or dead-lettered; a patch still failing after its last attempt fails the
 * job instead, which then restarts from its last checkpoint and sends it again (merges are
 * idempotent).
 */
final class TwinPatchWriter implements SinkWriter<TwinPatch> {
  static final String ORIGIN = "twin-sink";

  private final TwinChannel channel;
  private final DeadLetterStore deadLetters;
  private final DittoSinkConfig config;
  private final Clock clock;
  private final Semaphore permits;
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final Queue<DeadLetter> rejected = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final ScheduledExecutorService retries;
  private final Counter acked;
  private final Counter retried;
  private final Counter refused;
  private final Counter stale;

  TwinPatchWriter(
      TwinChannel channel,
      DeadLetterStore deadLetters,
      DittoSinkConfig config,
      Clock clock,
      MetricGroup metrics) {
    this.channel = channel;
    this.deadLetters = deadLetters;
    this.config = config;
    this.clock = clock;
    this.permits = new Semaphore(config.maxInFlight());
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "twin-sink-retries");
              t.setDaemon(true);
              return t;
            });
    this.acked = metrics.counter("twinPatchesAcknowledged");
    this.retried = metrics.counter("twinPatchRetries");
    this.refused = metrics.counter("twinPatchesRefused");
    this.stale = metrics.counter("twinPatchesStale");
  }

  @Override
  public void write(TwinPatch patch, Context context) throws IOException, InterruptedException {
    throwIfFailed();
    permits.acquire();
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.whenComplete(
        (v, e) -> {
          tails.remove(patch.thingId(), done);
          permits.release();
        });
    CompletableFuture<Void> previous = tails.put(patch.thingId(), done);
    if (previous == null) {
      attempt(patch, 1, done);
    } else {
      previous.whenComplete((v, e) -> attempt(patch, 1, done));
    }
  }

  private void attempt(TwinPatch patch, int attempt, CompletableFuture<Void> done) {
    CompletableFuture<Void> sent;
    try {
      sent = channel.send(patch);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((v, e) -> settle(patch, attempt, done, unwrap(e)));
  }

  private void settle(TwinPatch patch, int attempt, CompletableFuture<Void> done, Throwable e) {
    if (e == null) {
      acked.inc();
      done.complete(null);
    } else if (e instanceof TwinRejectedException r && r.conditionFailed()) {
      unmet(patch, done);
    } else if (e instanceof TwinRejectedException r) {
      refused.inc();
      rejected.add(
          new DeadLetter(
              DittoChannel.envelopeText(patch),
              "twin-rejected: " + r.getMessage(),
              ORIGIN,
              clock.millis()));
      done.complete(null);
    } else if (attempt >= config.maxAttempts()) {
      failure.compareAndSet(
          null,
          new IOException(
              "twin patch for "
                  + patch.thingId()
                  + " not acknowledged after "
                  + attempt
                  + " attempts: "
                  + e,
              e));
      done.complete(null);
    } else {
      retried.inc();
      retries.schedule(
          () -> attempt(patch, attempt + 1, done),
          config.backoff(attempt).toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A conditional patch the twin did not match: the twin holds newer readings of at least one of
   * its features (expected after a restore from a checkpoint). Each feature is sent again alone
   * with its own condition; what still fails is stale and dropped, counted, not dead-lettered.
   */
  private void unmet(TwinPatch patch, CompletableFuture<Void> done) {
    List<TwinPatch> parts = ObservedAt.perFeature(patch);
    if (parts.size() < 2) {
      stale.inc();
      done.complete(null);
      return;
    }
    CompletableFuture<?>[] sent = new CompletableFuture<?>[parts.size()];
    for (int i = 0; i < sent.length; i++) {
      CompletableFuture<Void> partDone = new CompletableFuture<>();
      sent[i] = partDone;
      attempt(parts.get(i), 1, partDone);
    }
    CompletableFuture.allOf(sent).whenComplete((v, x) -> done.complete(null));
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /** Waits until every patch written so far is acknowledged or dead-lettered. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    permits.acquire(config.maxInFlight());
    permits.release(config.maxInFlight());
    storeRejected();
    throwIfFailed();
  }

  private void storeRejected() throws IOException {
    List<DeadLetter> batch = new ArrayList<>();
    for (DeadLetter d = rejected.poll(); d != null; d = rejected.poll()) {
      batch.add(d);
    }
    try {
      deadLetters.append(batch);
    } catch (SQLException e) {
      rejected.addAll(batch);
      throw new IOException("cannot store " + batch.size() + " refused twin patches", e);
    }
  }

  private void throwIfFailed() throws IOException {
    Throwable e = failure.get();
    if (e != null) {
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  @Override
  public void close() {
    retries.shutdownNow();
    channel.close();
  }
}
