package io.greentwin.gateway.history;

import io.greentwin.gateway.stream.EventThing;
import io.greentwin.gateway.stream.Sse;
import io.greentwin.gateway.stream.StreamRequest;
import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Ditto's historical SSE stream of one thing (Ditto 3.2+): the stored events in a revision range
 * ({@code from-historical-revision}, optional {@code to-historical-revision}) or a time range
 * ({@code from-historical-timestamp}, optional {@code to-historical-timestamp}), each normalized to
 * thing JSON as the live stream sends it, filtered by {@code filter} and projected by {@code
 * fields}; the stream ends after the last event. Events are read and rendered on a worker in
 * chunks, each chunk written once the client has taken the previous one.
 */
final class HistoricalStream {
  static final int CHUNK = 500;

  private final TwinService twins;
  private final HistoryRange range;
  private final ThingId thingId;
  private final StreamRequest request;
  private final RoutingContext ctx;
  private final UnaryOperator<Optional<TwinEvent>> visible;
  private boolean started;

  HistoricalStream(
      TwinService twins,
      RoutingContext ctx,
      HistoryRange range,
      StreamRequest request,
      UnaryOperator<Optional<TwinEvent>> visible) {
    this.twins = twins;
    this.visible = visible;
    this.ctx = ctx;
    this.range = range;
    this.thingId = request.ids().iterator().next();
    this.request = request;
  }

  /** Streams the range; a thing without any history is Ditto's 404 before the stream starts. */
  void run() {
    next(range.fromRevision());
  }

  private record Chunk(List<String> lines, long nextRevision, boolean last) {}

  private void next(long fromRevision) {
    boolean first = !started;
    ctx.vertx()
        .executeBlocking(() -> read(fromRevision, first), false)
        .onSuccess(this::write)
        .onFailure(this::fail);
  }

  private Chunk read(long fromRevision, boolean first) {
    long to = Math.min(range.toRevision(), fromRevision + CHUNK - 1);
    List<TwinEvent> events = twins.events(thingId, fromRevision, to);
    if (first && events.isEmpty() && twins.events(thingId, 0, Long.MAX_VALUE).isEmpty()) {
      throw TwinErrors.notFound(thingId, JsonPointer.empty());
    }
    List<String> lines = new ArrayList<>(events.size());
    boolean last = events.size() < to - fromRevision + 1 || to >= range.toRevision();
    for (TwinEvent e : events) {
      if (range.isAfter(e.timestamp())) {
        last = true;
        break;
      }
      if (range.includes(e.timestamp())) {
        visible
            .apply(Optional.of(e))
            .flatMap(seen -> request.render(seen, EventThing.of(seen)))
            .ifPresent(json -> lines.add(Sse.data(json)));
      }
    }
    return new Chunk(lines, to + 1, last);
  }

  private void write(Chunk chunk) {
    HttpServerResponse response = ctx.response();
    if (!started) {
      started = true;
      Sse.start(response);
    }
    if (response.closed()) {
      return;
    }
    chunk.lines().forEach(response::write);
    if (chunk.last()) {
      response.end();
    } else if (response.writeQueueFull()) {
      response.drainHandler(v -> next(chunk.nextRevision()));
    } else {
      next(chunk.nextRevision());
    }
  }

  private void fail(Throwable t) {
    if (!started) {
      ctx.fail(t);
    } else {
      ctx.response().reset();
    }
  }

  /**
   * The range asked for: revisions, or timestamps (scanning revisions from the first).
   *
   * @param fromRevision first revision read
   * @param toRevision last revision read
   * @param fromTime first instant included, or null
   * @param toTime last instant included, or null
   */
  record HistoryRange(long fromRevision, long toRevision, Instant fromTime, Instant toTime) {
    boolean includes(Instant t) {
      return (fromTime == null || !t.isBefore(fromTime)) && !isAfter(t);
    }

    boolean isAfter(Instant t) {
      return toTime != null && t.isAfter(toTime);
    }
  }
}
