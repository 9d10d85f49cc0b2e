package io.greentwin.store;

import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinTransitions;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * A batch of writes decided by the writer thread: an overlay of states on top of the committed ones
 * and, while that one still commits, of the batch before it ({@code base}). It holds every write's
 * outcome in arrival order — the event to journal, or why the write was rejected — which the
 * committer reveals only once the batch (and so everything it was decided on) is durable.
 */
final class DecidedBatch {
  /** A queued write and its future. */
  record Pending(TwinWrite write, CompletableFuture<TwinWriteResult> done) {}

  /** What a write came to: a result to acknowledge, or a rejection. */
  record Outcome(Pending pending, TwinWriteResult result, RuntimeException rejection) {}

  private final JournalTwinService.StoreState state;
  private final int snapshotEvery;

  /** The batch decided before this one, still committing when this one began (else null). */
  private DecidedBatch base;

  /** Failure epoch: a failed commit fails every later batch of the same epoch. */
  final long epoch;

  final Map<ThingId, Optional<Thing>> overlay = new HashMap<>();
  final Map<ThingId, Long> revisions = new HashMap<>();
  final Map<ThingId, Long> lastSeqs = new HashMap<>();
  final Map<ThingId, Long> snapshotMarks = new HashMap<>();
  final Map<ThingId, Integer> newKeys = new LinkedHashMap<>();
  final List<Outcome> outcomes = new ArrayList<>();
  final List<TwinJournal.EventRow> rows = new ArrayList<>();
  final List<TwinJournal.SnapshotRow> snapshots = new ArrayList<>();

  /** The states of {@link #snapshots}, held in memory once the batch is committed. */
  final List<RecentSnapshots.Held> held = new ArrayList<>();

  long nextSeq;
  int nextKey;

  /** When the batch was decided: the timestamp of its events and snapshots. */
  long decidedMs;

  DecidedBatch(
      JournalTwinService.StoreState state,
      int snapshotEvery,
      DecidedBatch base,
      long epoch,
      long nextSeq,
      int nextKey) {
    this.state = state;
    this.snapshotEvery = snapshotEvery;
    this.base = base;
    this.epoch = epoch;
    this.nextSeq = nextSeq;
    this.nextKey = nextKey;
  }

  /** Decides one write against the state including earlier writes of this and the base batch. */
  void decide(Pending p, Instant now) {
    decidedMs = now.toEpochMilli();
    ThingId id = p.write().thingId();
    long revision = revision(id) + 1;
    TwinTransitions.Decision d;
    try {
      d = TwinTransitions.decide(current(id), p.write(), revision, now);
    } catch (RuntimeException ex) {
      // Ditto's exception for a write that cannot apply; anything else fails only this write.
      outcomes.add(new Outcome(p, null, ex));
      return;
    }
    TwinEvent e = d.event();
    Optional<Thing> next = d.next();
    overlay.put(id, next);
    revisions.put(id, revision);
    int key = key(id);
    long seq = ++nextSeq;
    rows.add(TwinJournal.EventRow.of(seq, lastSeq(id), key, e));
    lastSeqs.put(id, seq);
    // A twin replaced whole starts afresh; a merge at the root (a sync job's per-second update)
    // is an ordinary change and waits for its turn like any other.
    boolean replaced = e.path().isEmpty() && e.kind() != EventKind.MERGED;
    if (replaced || revision - lastSnapshot(id) >= snapshotEvery) {
      snapshots.add(
          new TwinJournal.SnapshotRow(
              key, revision, now.toEpochMilli(), seq, Snapshots.json(next)));
      held.add(new RecentSnapshots.Held(key, revision, now.toEpochMilli(), next));
      snapshotMarks.put(id, revision);
    }
    outcomes.add(new Outcome(p, new TwinWriteResult(e, next, e.kind() == EventKind.CREATED), null));
  }

  /** True when the batch has events to journal. */
  boolean hasEvents() {
    return !rows.isEmpty();
  }

  /** The last journal sequence number this batch uses. */
  long lastSeq() {
    return nextSeq;
  }

  /** Forgets the base batch: once this one is decided, nothing reads through it any more. */
  void dropBase() {
    base = null;
  }

  private Optional<Thing> current(ThingId id) {
    Optional<Thing> mine = overlay.get(id);
    if (mine != null) {
      return mine;
    }
    Optional<Thing> based = base == null ? null : base.overlay.get(id);
    return based != null ? based : Optional.ofNullable(state.latest.get(id));
  }

  private long revision(ThingId id) {
    Long r = layered(b -> b.revisions, id);
    return r != null ? r : state.revisions.getOrDefault(id, 0L);
  }

  private long lastSeq(ThingId id) {
    Long r = layered(b -> b.lastSeqs, id);
    return r != null ? r : state.lastSeq.getOrDefault(id, 0L);
  }

  private long lastSnapshot(ThingId id) {
    Long r = layered(b -> b.snapshotMarks, id);
    // A checkpoint on the committer thread may have snapshotted the thing since.
    return Math.max(r != null ? r : 0L, state.lastSnapshot.getOrDefault(id, 0L));
  }

  /** This batch's value for {@code id}, else that of the batch it was decided on; else null. */
  private Long layered(
      java.util.function.Function<DecidedBatch, Map<ThingId, Long>> pick, ThingId id) {
    Long r = pick.apply(this).get(id);
    return r == null && base != null ? pick.apply(base).get(id) : r;
  }

  private int key(ThingId id) {
    Integer k = state.keys.get(id);
    if (k == null) {
      k = newKeys.get(id);
    }
    if (k == null && base != null) {
      k = base.newKeys.get(id);
    }
    if (k == null) {
      k = nextKey++;
      newKeys.put(id, k);
    }
    return k;
  }
}
