package io.greentwin.cli;

import io.greentwin.store.JournalTwinService;
import io.greentwin.store.TwinDatabase;
import io.greentwin.twin.TwinWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Measures the durable twin store: property updates applied through it per second (each one
 * journaled and committed before it counts), historical reads at random instants of one twin with
 * many events, and the time to reopen a store holding every event written.
 */
final class StoreBench {
  private static final int WINDOW = 16_384;
  private static final JsonPointer POWER = JsonPointer.of("/features/power/properties/powerKw");
  private final Path dir;
  private final String databaseUrl;
  private final Consumer<String> out;

  StoreBench(Path dir, String databaseUrl, Consumer<String> out) {
    this.dir = dir;
    this.databaseUrl = databaseUrl;
    this.out = out;
  }

  private TwinDatabase database() {
    return databaseUrl == null ? TwinDatabase.h2(dir) : TwinDatabase.of(databaseUrl, null, null);
  }

  private String databaseName() {
    return databaseUrl == null ? "H2 file" : "PostgreSQL";
  }

  void run(int things, double seconds, long hotEvents) throws Exception {
    Files.createDirectories(dir);
    JournalTwinService store = JournalTwinService.open(database(), Clock.systemUTC(), 100);
    ThingId[] ids = new ThingId[things];
    for (int i = 0; i < things; i++) {
      ids[i] = ThingId.of("greentwin.bench:rack-" + i);
      store
          .write(
              TwinWrite.put(
                  ids[i],
                  JsonPointer.empty(),
                  JsonFactory.readFrom(
                      "{\"features\":{\"power\":{\"properties\":{\"powerKw\":0}}}}"),
                  "bench"))
          .join();
    }
    // JIT-warm before measuring: at least 2 s and 300,000 updates (a loaded machine needs both).
    Instant warmUp = Instant.now();
    for (long done = 0; done < 300_000; ) {
      done += updates(store, ids, 2, "warm-up");
    }
    Duration warm = Duration.between(warmUp, Instant.now());
    Instant before = Instant.now();
    updates(store, ids, seconds, "durable property updates");
    long ms = (long) (seconds * 1000);
    campusSnapshot(store, before.plusMillis(ms / 4), before.plusMillis(ms / 2), "", things);
    // seconds further back than the snapshots held in memory: each twin's from the journal
    campusSnapshot(
        store,
        warmUp.plus(warm.dividedBy(4)),
        warmUp.plus(warm.dividedBy(2)),
        " (older T, snapshots from the journal)",
        things);
    ThingId hot = ThingId.of("greentwin.bench:hot");
    Instant[] span = hotTwin(store, hot, hotEvents);
    historicalReads(store, hot, span);
    long events = store.committedEvents();
    long c0 = System.nanoTime();
    store.close();
    out.accept(String.format("closed in %.2f s", (System.nanoTime() - c0) / 1e9));
    long t0 = System.nanoTime();
    JournalTwinService reopened = JournalTwinService.open(database(), Clock.systemUTC(), 100);
    double restartS = (System.nanoTime() - t0) / 1e9;
    out.accept(
        String.format(
            "restart: serving again after %.2f s (%d events this run in %s)",
            restartS, events, dir));
    reopened.close();
  }

  /** Runs updates for a while and prints their rate and CPU cost; returns how many committed. */
  private long updates(JournalTwinService store, ThingId[] ids, double seconds, String label)
      throws InterruptedException {
    CpuClock cpu = new CpuClock();
    Semaphore window = new Semaphore(WINDOW);
    Random r = new Random(1);
    long before = store.committedEvents();
    long commitsBefore = store.commits();
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long n = 0;
    while (System.nanoTime() < end) {
      window.acquire();
      store
          .write(
              TwinWrite.put(
                  ids[r.nextInt(ids.length)], POWER, JsonValue.of(n++ % 1000 / 10.0), "bench"))
          .whenComplete((x, e) -> window.release());
    }
    window.acquire(WINDOW);
    double s = (System.nanoTime() - t0) / 1e9;
    long done = store.committedEvents() - before;
    long commits = Math.max(1, store.commits() - commitsBefore);
    out.accept(
        String.format(
            "%s: %.0f updates/s (%d in %.1f s, %d twins, %s, %d updates per commit); %s",
            label, done / s, done, s, ids.length, databaseName(), done / commits, cpu.per(done)));
    return done;
  }

  /**
   * Seven snapshots at {@code at}, after one at {@code warmAt} that compiles the code (JIT) but
   * parses other snapshots: the first measured run is the first at its time, with nothing of it
   * cached, as a running gateway meets a snapshot at a new time.
   */
  private void campusSnapshot(
      JournalTwinService store, Instant warmAt, Instant at, String which, int things) {
    long w0 = System.nanoTime();
    store.snapshotAt(warmAt);
    long warmMs = Math.round((System.nanoTime() - w0) / 1e6);
    long[] nanos = new long[7];
    int size = 0;
    StringBuilder each = new StringBuilder();
    StringBuilder allocated = new StringBuilder();
    for (int i = 0; i < nanos.length; i++) {
      long b0 = CpuClock.allocatedBytes();
      long t0 = System.nanoTime();
      size = store.snapshotAt(at).size();
      nanos[i] = System.nanoTime() - t0;
      each.append(i == 0 ? "" : ", ").append(Math.round(nanos[i] / 1e6));
      allocated.append(i == 0 ? "" : ", ").append((CpuClock.allocatedBytes() - b0) >> 20);
    }
    Arrays.sort(nanos); // the runs in order are already in `each`
    out.accept(
        String.format(
            "campus snapshot at T%s: %d twins in median %.0f ms, worst %.0f ms (%d runs: %s ms;"
                + " allocated %s MB; first, at another T, JIT-cold: %d ms)",
            which, size, nanos[3] / 1e6, nanos[6] / 1e6, nanos.length, each, allocated, warmMs));
  }

  private Instant[] hotTwin(JournalTwinService store, ThingId hot, long events)
      throws InterruptedException {
    store
        .write(
            TwinWrite.put(
                hot,
                JsonPointer.empty(),
                JsonFactory.readFrom("{\"features\":{\"power\":{\"properties\":{}}}}"),
                "bench"))
        .join();
    Instant from = store.get(hot).orElseThrow().getModified().orElseThrow();
    Semaphore window = new Semaphore(WINDOW);
    for (long i = 0; i < events; i++) {
      window.acquire();
      store
          .write(TwinWrite.put(hot, POWER, JsonValue.of(i), "bench"))
          .whenComplete((x, e) -> window.release());
    }
    window.acquire(WINDOW);
    Instant to = store.get(hot).orElseThrow().getModified().orElseThrow();
    out.accept(String.format("hot twin: %d events from %s to %s", events, from, to));
    return new Instant[] {from, to};
  }

  private void historicalReads(JournalTwinService store, ThingId hot, Instant[] span) {
    Random r = new Random(2);
    int n = 2_000;
    long[] nanos = new long[n];
    long spanMs = Math.max(1, span[1].toEpochMilli() - span[0].toEpochMilli());
    for (int i = -200; i < n; i++) {
      Instant at = span[0].plusMillis((long) (r.nextDouble() * spanMs));
      long t0 = System.nanoTime();
      store.getAtTime(hot, at).orElseThrow();
      if (i >= 0) {
        nanos[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(nanos);
    out.accept(
        String.format(
            "historical read at a random timestamp: p50 %.2f ms, p99 %.2f ms" + " (%d reads)",
            nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, n));
    TimeUnit.MILLISECONDS.toNanos(0);
  }
}
