package io.greentwin.gateway.stream;

import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.TwinService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * Ditto's SSE change stream: {@code GET /api/2/things} (optional {@code ids}, {@code namespaces},
 * {@code filter}, {@code fields}) and {@code GET /api/2/things/{thingId}} with {@code Accept:
 * text/event-stream}. The routes match only such requests; any other request for the same paths
 * (plain REST GETs, historical streams) passes on to the next route.
 */
public final class StreamApi implements HttpApi {
  /** The request parameters and headers that make a stream historical (see the history API). */
  public static final List<String> HISTORICAL_PARAMS =
      List.of(
          "from-historical-revision",
          "to-historical-revision",
          "from-historical-timestamp",
          "to-historical-timestamp");

  private final ChangeHub hub;
  private final Duration heartbeat;

  /**
   * @param hub the shared subscription to the twins' changes
   * @param heartbeat how often an idle stream sends a heartbeat
   */
  public StreamApi(ChangeHub hub, Duration heartbeat) {
    this.hub = hub;
    this.heartbeat = heartbeat;
  }

  /** Streams of the twins' changes with a heartbeat every 5 s while idle. */
  public StreamApi(TwinService twins) {
    this(new ChangeHub(twins), Duration.ofSeconds(5));
  }

  @Override
  public void mount(Router router) {
    router.get("/api/2/things").produces(Sse.MEDIA_TYPE).handler(this::allThings);
    router.get("/api/2/things/:thingId").produces(Sse.MEDIA_TYPE).handler(this::oneThing);
  }

  private void allThings(RoutingContext ctx) {
    if (!Sse.requested(ctx)) {
      ctx.next();
      return;
    }
    open(ctx, ctx.request().getParam("ids"));
  }

  private void oneThing(RoutingContext ctx) {
    if (!Sse.requested(ctx) || isHistorical(ctx)) {
      ctx.next();
      return;
    }
    open(ctx, ctx.pathParam("thingId"));
  }

  private void open(RoutingContext ctx, String ids) {
    StreamRequest request =
        StreamRequest.parse(
            ids,
            ctx.request().getParam("namespaces"),
            ctx.request().getParam("filter"),
            ctx.request().getParam("fields"));
    ChangeStream.open(ctx, hub, request, heartbeat);
  }

  /** True when the request names a historical range (query parameter or header). */
  public static boolean isHistorical(RoutingContext ctx) {
    return HISTORICAL_PARAMS.stream().anyMatch(p -> Sse.param(ctx, p) != null);
  }
}
