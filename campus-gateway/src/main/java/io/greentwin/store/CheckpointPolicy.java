package io.greentwin.store;

/**
 * When the store takes a checkpoint. A checkpoint snapshots every twin changed since the last one,
 * so its cost follows the twins changed; its benefit is the events it saves a crash recovery (and a
 * campus snapshot at a past time) from replaying. So one is due once {@code events} have been
 * committed since the last, but not sooner than {@code minMs} after it (under a burst of writes)
 * nor later than {@code maxMs} while anything changes (when few come in).
 *
 * @param events committed events after which a checkpoint is due
 * @param minMs the least time between two checkpoints
 * @param maxMs the most time between two checkpoints while anything changes
 */
public record CheckpointPolicy(long events, long minMs, long maxMs) {
  /**
   * 100,000 events, 0.5 s to 60 s: with the demo campus's sync job merging every twin once a
   * second, a checkpoint every ~18 s instead of a snapshot of every twin every second; at 100,000
   * updates a second one every second; recovery and a campus snapshot replay at most about 100,000
   * events (up to 200,000 updates a second) or 60 s of them. A floor of 2 s let the journal between
   * two checkpoints grow to 260,000 events at 130,000 updates a second, and a campus snapshot took
   * up to 555 ms replaying them (bench store, 2026-12-05).
   */
  public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(100_000, 500, 60_000);

  public CheckpointPolicy {
    if (events < 1 || minMs < 0 || maxMs < minMs) {
      throw new IllegalArgumentException(
          "checkpoint policy needs events >= 1 and 0 <= minMs <= maxMs: " + this);
    }
  }

  /** Whether a checkpoint is due, {@code sinceMs} and {@code events} after the last one. */
  public boolean due(long sinceMs, long committedEvents) {
    return committedEvents > 0
        && (sinceMs >= maxMs || sinceMs >= minMs && committedEvents >= events);
  }
}
