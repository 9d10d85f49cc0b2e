package io.greentwin.gateway.history;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
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
 * A historical SSE stream: stored events, each normalized to thing JSON as the live stream sends
 * it, filtered by {@code filter} and projected by {@code fields}; the stream ends after the last
 * event. Either Ditto's stream of one thing (Ditto 3.2+) over a revision range ({@code
 * from-historical-revision}, optional {@code to-historical-revision}) or a time range ({@code
 * from-historical-timestamp}, optional {@code to-historical-timestamp}), or GreenTwin's stream of
 * the whole campus over a time range. Events are read and rendered on a worker in chunks, each
 * chunk written once the client has taken the previous one.
 */
final class HistoricalStream {
  static final int CHUNK = 500;

  /** One chunk of rendered SSE lines; {@code next} is where the following chunk starts. */
  record Chunk(List<String> lines, long next, boolean last) {}

  /** Reads the chunk starting at a position (worker thread); the first read may throw. */
  private interface ChunkReader {
    Chunk read(long from, boolean first);
  }

  private final RoutingContext ctx;
  private final ChunkReader reader;
  private boolean started;

  private HistoricalStream(RoutingContext ctx, ChunkReader reader) {
    this.ctx = ctx;
    this.reader = reader;
  }

  /**
   * Streams one thing's range; a thing without any history is Ditto's 404 before the stream starts.
   */
  static void ofThing(
      TwinService twins,
      RoutingContext ctx,
      HistoryRange range,
      StreamRequest request,
      UnaryOperator<Optional<TwinEvent>> visible) {
    ThingId thingId = request.ids().iterator().next();
    ChunkReader reader =
        (fromRevision, first) -> {
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
              render(e, request, visible).ifPresent(lines::add);
            }
          }
          return new Chunk(lines, to + 1, last);
        };
    new HistoricalStream(ctx, reader).next(range.fromRevision());
  }

  /**
   * Streams every thing's events with {@code from <= timestamp <= to}, in commit order; more than
   * {@code maxEvents} of them is {@code history:too-large} before the stream starts.
   */
  static void ofCampus(
      TwinService twins,
      RoutingContext ctx,
      HistoryRange range,
      int maxEvents,
      StreamRequest request,
      UnaryOperator<Optional<TwinEvent>> visible) {
    List<List<TwinEvent>> window = new ArrayList<>(1); // read once, by the first chunk
    ChunkReader reader =
        (index, first) -> {
          if (first) {
            window.add(twins.eventsBetween(range.fromTime(), range.toTime(), maxEvents + 1));
            if (window.get(0).size() > maxEvents) {
              throw tooLarge(range, maxEvents);
            }
          }
          List<TwinEvent> events = window.get(0);
          int end = (int) Math.min(events.size(), index + CHUNK);
          List<String> lines = new ArrayList<>(end - (int) index);
          for (TwinEvent e : events.subList((int) index, end)) {
            render(e, request, visible).ifPresent(lines::add);
          }
          return new Chunk(lines, end, end == events.size());
        };
    new HistoricalStream(ctx, reader).next(0);
  }

  private static GreenTwinException tooLarge(HistoryRange range, int maxEvents) {
    return new GreenTwinException(
        ErrorCode.HISTORY_TOO_LARGE,
        "The window holds more than " + maxEvents + " changes.",
        "From "
            + range.fromTime()
            + " to "
            + range.toTime()
            + ": narrow the window, or name the things ('ids', 'namespaces', 'filter').",
        null);
  }

  private static Optional<String> render(
      TwinEvent e, StreamRequest request, UnaryOperator<Optional<TwinEvent>> visible) {
    return visible
        .apply(Optional.of(e))
        .flatMap(seen -> request.render(seen, EventThing.of(seen)))
        .map(Sse::data);
  }

  private void next(long from) {
    boolean first = !started;
    ctx.vertx()
        .executeBlocking(() -> reader.read(from, first), false)
        .onSuccess(this::write)
        .onFailure(this::fail);
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
      response.drainHandler(v -> next(chunk.next()));
    } else {
      next(chunk.next());
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
