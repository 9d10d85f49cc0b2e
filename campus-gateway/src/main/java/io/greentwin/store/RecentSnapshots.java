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
  /** Snapshots held per twin: at a checkpoint every 2 s, the last several seconds of a busy one. */
  static final int PER_TWIN = 4;

  /** A snapshot: the twin's state (empty when deleted) at a revision, stamped with a time. */
  record Held(int thingKey, long revision, long tsMs, Optional<Thing> state) {}

  private final Map<Integer, Held[]> byKey = new ConcurrentHashMap<>();

  /** Adds a snapshot, keeping the newest {@link #PER_TWIN} by revision. */
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
    return out.length > PER_TWIN ? Arrays.copyOfRange(out, out.length - PER_TWIN, out.length) : out;
  }
}
