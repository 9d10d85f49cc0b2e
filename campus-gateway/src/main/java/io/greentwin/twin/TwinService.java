package io.greentwin.twin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The twins: latest state served from memory, every change an event, history by revision or time.
 * The contract every implementation passes ({@code TwinServiceContract}): a write's future
 * completes only once the change is durable (for a durable implementation) and its event has been
 * given to every subscriber; a failed write changes nothing and emits nothing. Reads never block.
 */
public interface TwinService extends AutoCloseable {
  /** The latest acknowledged state of a thing. */
  Optional<Thing> get(ThingId id);

  /** The latest acknowledged state of every thing (a consistent view is not promised). */
  Collection<Thing> all();

  /**
   * Applies a write. Completes with the result once durable, or exceptionally with Ditto's {@code
   * DittoRuntimeException} (not found, precondition failed, invalid).
   */
  CompletableFuture<TwinWriteResult> write(TwinWrite write);

  /** Every committed event, in commit order, from now on; close the handle to stop. */
  AutoCloseable subscribe(Consumer<TwinEvent> listener);

  /** The thing as it was at a revision (empty when it did not exist then). */
  Optional<Thing> getAtRevision(ThingId id, long revision);

  /** The thing as it was at an instant (the last revision at or before it). */
  Optional<Thing> getAtTime(ThingId id, Instant time);

  /** The thing's events with {@code from <= revision <= to}, in order. */
  List<TwinEvent> events(ThingId id, long fromRevision, long toRevision);

  /** Every thing that existed at an instant, as it was then. */
  Map<ThingId, Thing> snapshotAt(Instant time);

  /**
   * The events of every thing with {@code from <= timestamp <= to}, in commit order, the first
   * {@code limit} of them: what changed on the campus in a window (a replay plays them over {@link
   * #snapshotAt} its start).
   */
  List<TwinEvent> eventsBetween(Instant from, Instant to, int limit);

  @Override
  void close();
}
