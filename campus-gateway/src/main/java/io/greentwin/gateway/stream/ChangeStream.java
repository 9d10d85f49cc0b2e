package io.greentwin.gateway.stream;

import io.greentwin.twin.TwinEvent;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.ditto.things.model.Thing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open SSE change stream: every committed change that the request selects, as thing JSON in a
 * {@code data:} line, heartbeats while idle, and a clean unsubscribe when the client goes. A client
 * too slow to take the changes (a megabyte queued) is disconnected rather than silently skipped; it
 * reconnects and reads the current state.
 */
final class ChangeStream {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
  private static final int MAX_QUEUED_BYTES = 1024 * 1024;

  private final Context context;
  private final HttpServerResponse response;
  private final StreamRequest request;
  private final UnaryOperator<Optional<TwinEvent>> visible;
  private AutoCloseable subscription;
  private long heartbeatTimer = -1;
  private long lastWriteNanos = System.nanoTime();
  private boolean closed;

  private ChangeStream(
      RoutingContext ctx, StreamRequest request, UnaryOperator<Optional<TwinEvent>> visible) {
    this.visible = visible;
    this.context = ctx.vertx().getOrCreateContext();
    this.response = ctx.response();
    this.request = request;
  }

  /** Starts the stream on the request's event loop. */
  static void open(
      RoutingContext ctx,
      ChangeHub hub,
      StreamRequest request,
      Duration heartbeat,
      UnaryOperator<Optional<TwinEvent>> visible) {
    ChangeStream stream = new ChangeStream(ctx, request, visible);
    stream.response.setWriteQueueMaxSize(MAX_QUEUED_BYTES);
    stream.response.closeHandler(v -> stream.close());
    stream.response.exceptionHandler(e -> stream.close());
    Sse.start(stream.response);
    stream.subscription = hub.add(c -> stream.context.runOnContext(v -> stream.onChange(c)));
    long ms = Math.max(1, heartbeat.toMillis());
    stream.heartbeatTimer = ctx.vertx().setPeriodic(ms, id -> stream.heartbeat(ms));
  }

  private void onChange(ChangeHub.Change change) {
    if (closed) {
      return;
    }
    Optional<TwinEvent> seen = visible.apply(Optional.of(change.event()));
    if (seen.isEmpty()) {
      return;
    }
    TwinEvent event = seen.get();
    Thing changed = event == change.event() ? change.changed() : EventThing.of(event);
    request.render(event, changed).ifPresent(json -> write(Sse.data(json)));
  }

  private void heartbeat(long intervalMs) {
    if (!closed && System.nanoTime() - lastWriteNanos >= intervalMs * 1_000_000 / 2) {
      write(Sse.HEARTBEAT);
    }
  }

  private void write(String text) {
    if (response.closed()) {
      close();
      return;
    }
    if (response.writeQueueFull()) {
      LOG.warn("closing a change stream whose client does not keep up");
      close();
      response.reset();
      return;
    }
    lastWriteNanos = System.nanoTime();
    response.write(text);
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    context.owner().cancelTimer(heartbeatTimer);
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.warn("could not unsubscribe a change stream", e);
    }
  }
}
