package io.greentwin.gateway.stream;

import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.ditto.things.model.Thing;

/**
 * One subscription to the twins' committed events, shared by every open change stream: each event
 * is handed to every sink in commit order, with its changed thing computed once for all of them.
 * The subscription exists only while at least one sink is open. Sinks must return quickly (they are
 * called on the writer's thread); a stream hands the change over to its own event loop.
 */
public final class ChangeHub {
  /** A committed event and, computed on first use, its changed part as a thing. */
  public static final class Change {
    private final TwinEvent event;
    private volatile Thing changed;

    Change(TwinEvent event) {
      this.event = event;
    }

    public TwinEvent event() {
      return event;
    }

    /** The changed part of the thing ({@link EventThing}), computed once. */
    public Thing changed() {
      Thing t = changed;
      if (t == null) {
        t = EventThing.of(event);
        changed = t;
      }
      return t;
    }
  }

  private final TwinService twins;
  private final List<Consumer<Change>> sinks = new CopyOnWriteArrayList<>();
  private AutoCloseable subscription;

  public ChangeHub(TwinService twins) {
    this.twins = twins;
  }

  /** Starts handing changes to the sink; close the handle to stop. */
  public synchronized AutoCloseable add(Consumer<Change> sink) {
    sinks.add(sink);
    if (subscription == null) {
      subscription = twins.subscribe(this::publish);
    }
    return () -> remove(sink);
  }

  private synchronized void remove(Consumer<Change> sink) throws Exception {
    sinks.remove(sink);
    if (sinks.isEmpty() && subscription != null) {
      AutoCloseable s = subscription;
      subscription = null;
      s.close();
    }
  }

  /** How many streams are open. */
  public int sinkCount() {
    return sinks.size();
  }

  private void publish(TwinEvent event) {
    Change change = new Change(event);
    for (Consumer<Change> sink : sinks) {
      sink.accept(change);
    }
  }
}
