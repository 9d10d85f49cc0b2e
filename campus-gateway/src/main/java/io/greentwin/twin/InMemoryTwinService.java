package io.greentwin.twin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Twins kept in memory only, with their full event history: nothing survives a restart. For tests
 * and throw-away demos; passes the same contract as the durable store.
 */
public final class InMemoryTwinService implements TwinService {
  private final Clock clock;
  private final Map<ThingId, Thing> latest = new ConcurrentHashMap<>();
  private final Map<ThingId, List<TwinEvent>> history = new ConcurrentHashMap<>();
  private final Map<ThingId, Long> revisions = new ConcurrentHashMap<>();
  private final List<TwinEvent> journal = new ArrayList<>(); // every event, in commit order
  private final List<Consumer<TwinEvent>> listeners = new CopyOnWriteArrayList<>();

  public InMemoryTwinService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<Thing> get(ThingId id) {
    return Optional.ofNullable(latest.get(id));
  }

  @Override
  public Collection<Thing> all() {
    return List.copyOf(latest.values());
  }

  @Override
  public synchronized CompletableFuture<TwinWriteResult> write(TwinWrite w) {
    Optional<Thing> current = get(w.thingId());
    try {
      long revision = revisions.getOrDefault(w.thingId(), 0L) + 1;
      TwinTransitions.Decision d = TwinTransitions.decide(current, w, revision, Instant.now(clock));
      TwinEvent e = d.event();
      Optional<Thing> next = d.next();
      revisions.put(w.thingId(), revision);
      history.computeIfAbsent(w.thingId(), k -> new ArrayList<>()).add(e);
      journal.add(e);
      next.ifPresentOrElse(t -> latest.put(w.thingId(), t), () -> latest.remove(w.thingId()));
      listeners.forEach(l -> l.accept(e));
      return CompletableFuture.completedFuture(
          new TwinWriteResult(e, next, e.kind() == EventKind.CREATED));
    } catch (DittoRuntimeException ex) {
      return CompletableFuture.failedFuture(ex);
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<TwinEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public synchronized Optional<Thing> getAtRevision(ThingId id, long revision) {
    return replay(id, e -> e.revision() <= revision);
  }

  @Override
  public synchronized Optional<Thing> getAtTime(ThingId id, Instant time) {
    return replay(id, e -> !e.timestamp().isAfter(time));
  }

  @Override
  public synchronized List<TwinEvent> events(ThingId id, long fromRevision, long toRevision) {
    return history.getOrDefault(id, List.of()).stream()
        .filter(e -> e.revision() >= fromRevision && e.revision() <= toRevision)
        .toList();
  }

  @Override
  public synchronized Map<ThingId, Thing> snapshotAt(Instant time) {
    Map<ThingId, Thing> out = new java.util.HashMap<>();
    for (Map.Entry<ThingId, List<TwinEvent>> h : history.entrySet()) {
      List<TwinEvent> events = h.getValue();
      boolean unchangedSince = !events.get(events.size() - 1).timestamp().isAfter(time);
      Optional<Thing> then =
          unchangedSince ? get(h.getKey()) : replay(h.getKey(), e -> !e.timestamp().isAfter(time));
      then.ifPresent(t -> out.put(h.getKey(), t));
    }
    return out;
  }

  @Override
  public synchronized List<TwinEvent> eventsBetween(Instant from, Instant to, int limit) {
    return journal.stream()
        .filter(e -> !e.timestamp().isBefore(from) && !e.timestamp().isAfter(to))
        .limit(limit)
        .toList();
  }

  @Override
  public void close() {
    listeners.clear();
  }

  private Optional<Thing> replay(ThingId id, java.util.function.Predicate<TwinEvent> upTo) {
    List<TwinEvent> events = history.getOrDefault(id, List.of());
    int n = 0;
    while (n < events.size() && upTo.test(events.get(n))) {
      n++;
    }
    return TwinTransitions.replay(Optional.empty(), events.subList(0, n));
  }
}
