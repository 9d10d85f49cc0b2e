package io.greentwin.gateway.history;

import io.greentwin.auth.AuthHandler;
import io.greentwin.auth.ThingAccess;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.gateway.HttpApi;
import io.greentwin.gateway.search.FieldSelection;
import io.greentwin.gateway.search.SearchFilter;
import io.greentwin.gateway.stream.Sse;
import io.greentwin.gateway.stream.StreamApi;
import io.greentwin.gateway.stream.StreamRequest;
import io.greentwin.jobs.timeseries.TimeSeriesReader;
import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * History over HTTP: Ditto's historical SSE stream of a thing ({@code GET /api/2/things/{id}} with
 * {@code Accept: text/event-stream} and a {@code from-historical-*} parameter or header), and three
 * GreenTwin extensions documented in {@code /api/openapi.yml}: the same stream of every thing in a
 * time window ({@code GET /api/2/things}, what a replay plays), the campus snapshot at an instant
 * ({@code GET /api/2/snapshot}) and aggregated time series of a property ({@code GET
 * /api/2/timeseries/{thingId}/features/{featureId}/properties/{path}}): from the time-series
 * store's roll-ups when it holds the property's sensor series, else from the twin's events. Reads
 * run on workers.
 */
public final class HistoryApi implements HttpApi {
  private static final String OPENAPI = "openapi/greentwin-api.yml";

  /** The longest window a campus history stream covers. */
  static final Duration MAX_CAMPUS_WINDOW = Duration.ofHours(24);

  /** The most changes a campus history stream sends (it reads them into memory at once). */
  static final int MAX_CAMPUS_EVENTS = 200_000;

  private final TwinService twins;
  private final Clock clock;
  private final ThingAccess access;
  private final TimeSeriesReader store;
  private final int maxCampusEvents;

  public HistoryApi(TwinService twins, Clock clock) {
    this(twins, clock, null, null);
  }

  public HistoryApi(TwinService twins, Clock clock, ThingAccess access) {
    this(twins, clock, access, null);
  }

  /**
   * @param access the policies to enforce (after {@code AuthApi}): streams carry only readable
   *     changes, the snapshot only readable parts, a time series only a readable property; null to
   *     show everything
   * @param store the time-series store the stream jobs write (raw blocks and roll-ups); a series it
   *     knows is read from it, any other from the twin's events. Null: always from the events
   */
  public HistoryApi(TwinService twins, Clock clock, ThingAccess access, TimeSeriesReader store) {
    this(twins, clock, access, store, MAX_CAMPUS_EVENTS);
  }

  /** As above, at most {@code maxCampusEvents} changes in a campus history stream. */
  HistoryApi(
      TwinService twins,
      Clock clock,
      ThingAccess access,
      TimeSeriesReader store,
      int maxCampusEvents) {
    this.twins = twins;
    this.clock = clock;
    this.access = access;
    this.store = store;
    this.maxCampusEvents = maxCampusEvents;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/2/things/:thingId").produces(Sse.MEDIA_TYPE).handler(this::historical);
    router.get("/api/2/things").produces(Sse.MEDIA_TYPE).handler(this::campusHistorical);
    router.get("/api/2/snapshot").handler(this::snapshot);
    router
        .get("/api/2/timeseries/:thingId/features/:featureId/properties/*")
        .handler(this::timeSeries);
    router.get("/api/openapi.yml").handler(this::openApi);
  }

  private void historical(RoutingContext ctx) {
    if (!Sse.requested(ctx) || !StreamApi.isHistorical(ctx)) {
      ctx.next();
      return;
    }
    ThingId id = ThingId.of(ctx.pathParam("thingId"));
    HistoricalStream.HistoryRange range = range(ctx);
    StreamRequest request =
        StreamRequest.parse(
            id.toString(),
            null,
            ctx.request().getParam("filter"),
            ctx.request().getParam("fields"));
    checkReadable(ctx, id, JsonPointer.empty());
    HistoricalStream.ofThing(twins, ctx, range, request, StreamApi.visibility(access, ctx));
  }

  /**
   * The changes of the whole campus in a time window ({@code GET /api/2/things}, SSE, both {@code
   * from-} and {@code to-historical-timestamp}; at most {@link #MAX_CAMPUS_WINDOW}), each reduced
   * to what the subject may read; more than {@code maxCampusEvents} is {@code history:too-large}.
   */
  private void campusHistorical(RoutingContext ctx) {
    if (!Sse.requested(ctx) || !StreamApi.isHistorical(ctx)) {
      ctx.next();
      return;
    }
    if (Sse.param(ctx, "from-historical-revision") != null
        || Sse.param(ctx, "to-historical-revision") != null) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "The campus history has no revisions.",
          "Revisions count per thing: give 'from-historical-timestamp' and"
              + " 'to-historical-timestamp'.",
          null);
    }
    HistoricalStream.HistoryRange range = range(ctx);
    if (range.toTime() == null
        || Duration.between(range.fromTime(), range.toTime()).compareTo(MAX_CAMPUS_WINDOW) > 0) {
      throw TimeSeriesQuery.invalid(
          "to-historical-timestamp",
          range.toTime() == null ? "" : range.toTime().toString(),
          "an instant at most "
              + MAX_CAMPUS_WINDOW.toHours()
              + " h after the start (a campus history needs one)");
    }
    StreamRequest request =
        StreamRequest.parse(
            ctx.request().getParam("ids"),
            ctx.request().getParam("namespaces"),
            ctx.request().getParam("filter"),
            ctx.request().getParam("fields"));
    HistoricalStream.ofCampus(
        twins, ctx, range, maxCampusEvents, request, StreamApi.visibility(access, ctx));
  }

  private static HistoricalStream.HistoryRange range(RoutingContext ctx) {
    String fromRev = Sse.param(ctx, "from-historical-revision");
    String fromTime = Sse.param(ctx, "from-historical-timestamp");
    if (fromRev != null) {
      long from = revision("from-historical-revision", fromRev);
      String toRev = Sse.param(ctx, "to-historical-revision");
      long to = toRev == null ? Long.MAX_VALUE : revision("to-historical-revision", toRev);
      if (from > to) {
        throw emptyRange(fromRev, toRev);
      }
      return new HistoricalStream.HistoryRange(from, to, null, null);
    } else if (fromTime != null) {
      Instant from = TimeSeriesQuery.instant("from-historical-timestamp", fromTime, null);
      String toTime = Sse.param(ctx, "to-historical-timestamp");
      Instant to = TimeSeriesQuery.instant("to-historical-timestamp", toTime, null);
      if (to != null && from.isAfter(to)) {
        throw emptyRange(fromTime, toTime);
      }
      return new HistoricalStream.HistoryRange(0, Long.MAX_VALUE, from, to);
    }
    throw new GreenTwinException(
        ErrorCode.ARGUMENT_INVALID,
        "The start of the history is missing.",
        "Give 'from-historical-revision' or 'from-historical-timestamp' with the 'to-' one.",
        null);
  }

  private void snapshot(RoutingContext ctx) {
    String at = ctx.request().getParam("at");
    String filter = ctx.request().getParam("filter");
    String fields = ctx.request().getParam("fields");
    String namespaces = ctx.request().getParam("namespaces");
    AuthorizationContext auth = access == null ? null : AuthHandler.authorizationContext(ctx);
    ctx.vertx()
        .executeBlocking(
            () -> {
              Instant t = TimeSeriesQuery.instant("at", at, null);
              if (t == null) {
                throw TimeSeriesQuery.invalid("at", "", "an ISO-8601 instant (it is required)");
              }
              SearchFilter f = SearchFilter.parseOrAll(filter);
              FieldSelection selection = FieldSelection.parse(fields);
              Map<ThingId, Thing> state = twins.snapshotAt(t);
              if (auth != null) {
                state = readable(state, auth);
              }
              return Snapshot.render(t, state, f, split(namespaces), selection);
            },
            false)
        .onSuccess(json -> json(ctx, json))
        .onFailure(ctx::fail);
  }

  private void timeSeries(RoutingContext ctx) {
    ThingId id = ThingId.of(ctx.pathParam("thingId"));
    String property = ctx.pathParam("*");
    if (property == null || property.isBlank() || property.equals("/")) {
      throw TimeSeriesQuery.invalid("path", "", "a property path below 'properties/'");
    }
    JsonPointer path =
        JsonPointer.of("/features")
            .addLeaf(JsonKey.of(ctx.pathParam("featureId")))
            .addLeaf(JsonKey.of("properties"))
            .append(JsonPointer.of(property));
    TimeSeriesQuery query =
        new TimeSeriesQuery(
            id,
            path,
            TimeSeriesQuery.instant("from", ctx.request().getParam("from"), Instant.EPOCH),
            TimeSeriesQuery.instant("to", ctx.request().getParam("to"), clock.instant()),
            TimeSeriesQuery.step(ctx.request().getParam("step")),
            TimeSeriesQuery.Aggregation.parse(ctx.request().getParam("agg")));
    checkReadable(ctx, id, path);
    String feature = ctx.pathParam("featureId");
    ctx.vertx()
        .executeBlocking(
            () -> {
              Optional<List<TimeSeriesReader.Point>> stored =
                  store == null
                      ? Optional.empty()
                      : store.read(
                          id.toString(),
                          feature,
                          property.startsWith("/") ? property.substring(1) : property,
                          query.from().toEpochMilli(),
                          query.to().toEpochMilli(),
                          query.step().toMillis());
              if (stored.isPresent()) {
                return TimeSeries.fromStore(query, stored.get()).toString();
              }
              List<TwinEvent> events = twins.events(id, 0, Long.MAX_VALUE);
              if (events.isEmpty()) {
                throw TwinErrors.notFound(id, JsonPointer.empty());
              }
              return TimeSeries.compute(query, events).toString();
            },
            false)
        .onSuccess(json -> json(ctx, json))
        .onFailure(ctx::fail);
  }

  /** Ditto's not-found error of the path unless the subject may read (part of) it. */
  private void checkReadable(RoutingContext ctx, ThingId id, JsonPointer path) {
    if (access != null && !access.canRead(id, path, AuthHandler.authorizationContext(ctx))) {
      throw TwinErrors.notFound(id, path);
    }
  }

  /** The snapshot's things reduced to their readable parts; unreadable things left out. */
  private Map<ThingId, Thing> readable(Map<ThingId, Thing> state, AuthorizationContext auth) {
    Map<ThingId, Thing> out = new HashMap<>();
    state.forEach((id, t) -> access.readableThing(t, auth).ifPresent(r -> out.put(id, r)));
    return out;
  }

  private void openApi(RoutingContext ctx) {
    ctx.vertx()
        .fileSystem()
        .readFile(OPENAPI)
        .onSuccess(
            yaml ->
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml").end(yaml))
        .onFailure(ctx::fail);
  }

  private static long revision(String name, String value) {
    try {
      long r = Long.parseLong(value.trim());
      if (r >= 0) {
        return r;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw TimeSeriesQuery.invalid(name, value, "a revision number (0 or more)");
  }

  private static GreenTwinException emptyRange(String from, String to) {
    return new GreenTwinException(
        ErrorCode.ARGUMENT_INVALID,
        "The history range is empty.",
        "The start (" + from + ") is after the end (" + to + ").",
        null);
  }

  private static Set<String> split(String csv) {
    if (csv == null || csv.isBlank()) {
      return null;
    }
    Set<String> set = new LinkedHashSet<>();
    for (String s : csv.split(",")) {
      if (!s.isBlank()) {
        set.add(s.trim());
      }
    }
    return set;
  }

  private static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
  }
}
