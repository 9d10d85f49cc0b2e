package io.greentwin.gateway.stream;

import io.greentwin.auth.AuthHandler;
import io.greentwin.auth.ThingAccess;
import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;

/**
 * Ditto's SSE change stream: {@code GET /api/2/things} (optional {@code ids}, {@code namespaces},
 * {@code filter}, {@code fields}) and {@code GET /api/2/things/{thingId}} with {@code Accept:
 * text/event-stream}. The routes match only such requests; any other request for the same paths
 * (plain REST GETs, historical streams of a thing or of the campus) passes on to the next route.
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
  private final ThingAccess access;

  /**
   * @param hub the shared subscription to the twins' changes
   * @param heartbeat how often an idle stream sends a heartbeat
   */
  public StreamApi(ChangeHub hub, Duration heartbeat) {
    this(hub, heartbeat, null);
  }

  /**
   * @param access the policies to enforce (after {@code AuthApi}): a stream carries only the
   *     changes its subject may read, reduced to the readable parts; null to send every change
   */
  public StreamApi(ChangeHub hub, Duration heartbeat, ThingAccess access) {
    this.hub = hub;
    this.heartbeat = heartbeat;
    this.access = access;
  }

  /** As {@link #StreamApi(ChangeHub, Duration, ThingAccess)}, with a heartbeat every 5 s. */
  public StreamApi(TwinService twins, ThingAccess access) {
    this(new ChangeHub(twins), Duration.ofSeconds(5), access);
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
    if (!Sse.requested(ctx) || isHistorical(ctx)) {
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
    ChangeStream.open(ctx, hub, request, heartbeat, visibility(access, ctx));
  }

  /**
   * Which events the request's subject may see, each reduced to what it may read ({@link
   * ThingAccess#visibleEvent}); every event, unchanged, without policies.
   */
  public static UnaryOperator<Optional<TwinEvent>> visibility(
      ThingAccess access, RoutingContext ctx) {
    if (access == null) {
      return UnaryOperator.identity();
    }
    AuthorizationContext auth = AuthHandler.authorizationContext(ctx);
    return e -> e.flatMap(event -> access.visibleEvent(event, auth));
  }

  /** True when the request names a historical range (query parameter or header). */
  public static boolean isHistorical(RoutingContext ctx) {
    return HISTORICAL_PARAMS.stream().anyMatch(p -> Sse.param(ctx, p) != null);
  }
}
