package io.greentwin.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.ditto.things.model.Thing;

/**
 * The newest few snapshots of every twin, as the states they were rendered from: a campus snapshot
 * near now finds each twin's newest snapshot at or before T here, with no query and no parse. Every
 * snapshot the store writes is added (recovery adds each twin's newest), so the entries of a twin
 * are the newest of its snapshot history; when all of them are newer than T, the journal answers.
 *
 * <p>An entry may be added before its row commits (a checkpoint adds its snapshots first, so that a
 * reader never pairs the checkpoint with an older snapshot); its state is a committed state all the
 * same, and a snapshot newer than the journal's only means fewer events to replay.
 */
final class RecentSnapshots {
  /**
   * Snapshots held per twin at least: under heavy writes a checkpoint comes every 2 s ({@link
   * CheckpointPolicy}), so the last several seconds.
   */
  static final int PER_TWIN = 4;

  /**
   * Beyond {@link #PER_TWIN}, older snapshots are held while they are at most this much older than
   * the newest: a twin that changes all the time gets a snapshot at every checkpoint (every 2 s
   * under heavy writes) and one every {@code snapshotEvery} revisions besides, and four of them
   * covered only the last 5 s of a twin updated 20 times a second; a campus snapshot a few seconds
   * back then fell to the journal.
   */
  static final long SPAN_MS = 10_000;

  /**
   * Snapshots held per twin at most (a twin with many snapshots a second keeps the newest): at
   * 140,000 updates a second over 5,000 twins a twin gets a checkpoint snapshot every ~0.7 s and
   * one every {@code snapshotEvery} revisions (~4 s) besides, so 12 cover the last ~8 s; 8 covered
   * ~5 s and a campus snapshot 5 s back fell to the journal (bench store on PostgreSQL, 513 ms).
   * Under the demo campus's sync job (a checkpoint every ~18 s) {@link #PER_TWIN} is what binds.
   */
  static final int MAX_PER_TWIN = 12;

  /** A snapshot: the twin's state (empty when deleted) at a revision, stamped with a time. */
  record Held(int thingKey, long revision, long tsMs, Optional<Thing> state) {}

  private final Map<Integer, Held[]> byKey = new ConcurrentHashMap<>();

  /**
   * Adds a snapshot. Only the oldest are dropped: the newest {@link #PER_TWIN}, and those within
   * {@link #SPAN_MS} of the newest, up to {@link #MAX_PER_TWIN}, are kept.
   */
  void add(Held h) {
    byKey.compute(h.thingKey(), (k, held) -> with(held, h));
  }

  /**
   * The newest snapshot with a time at or before {@code ms}, or null when every one held is newer
   * (an older snapshot, if any, is in the journal).
   */
  Held at(int thingKey, long ms) {
    Held[] held = byKey.get(thingKey);
    if (held == null) {
      return null;
    }
    for (int i = held.length - 1; i >= 0; i--) {
      if (held[i].tsMs() <= ms) {
        return held[i];
      }
    }
    return null;
  }

  private static Held[] with(Held[] held, Held h) {
    if (held == null) {
      return new Held[] {h};
    }
    int at = held.length;
    while (at > 0 && held[at - 1].revision() >= h.revision()) {
      if (held[at - 1].revision() == h.revision()) {
        return held;
      }
      at--;
    }
    Held[] out = new Held[held.length + 1];
    System.arraycopy(held, 0, out, 0, at);
    out[at] = h;
    System.arraycopy(held, at, out, at + 1, held.length - at);
    int from = Math.max(0, out.length - MAX_PER_TWIN);
    long newestMs = out[out.length - 1].tsMs();
    while (out.length - from > PER_TWIN && out[from].tsMs() < newestMs - SPAN_MS) {
      from++;
    }
    return from == 0 ? out : Arrays.copyOfRange(out, from, out.length);
  }
}
