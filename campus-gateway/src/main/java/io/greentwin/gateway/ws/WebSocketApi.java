package io.greentwin.gateway.ws;

import io.greentwin.auth.GatewayAuth;
import io.greentwin.auth.ThingAccess;
import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.TwinService;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Ditto's WebSocket binding at {@code /ws/2}: authenticates the upgrade ({@link WsAuthentication}),
 * upgrades with {@code toWebSocket()}, and gives each socket a {@link WsSession} speaking the Ditto
 * Protocol against the {@link TwinService}.
 */
public final class WebSocketApi implements HttpApi {
  public static final String PATH = "/ws/2";

  private final TwinService twins;
  private final WsAuthentication authentication;
  private final WebSocketLimits limits;
  private final ThingAccess access;
  private final RqlShapeCache conditions = new RqlShapeCache();
  private final PlainMessages.Parsed parsed = new PlainMessages.Parsed();

  public WebSocketApi(TwinService twins) {
    this(twins, new WsAuthentication(), WebSocketLimits.defaults());
  }

  public WebSocketApi(TwinService twins, WsAuthentication authentication, WebSocketLimits limits) {
    this(twins, authentication, limits, null);
  }

  /**
   * Sockets behind authentication: the upgrade needs valid credentials (401 otherwise), and every
   * command, event and search result obeys the thing policies, as in Ditto.
   */
  public WebSocketApi(TwinService twins, GatewayAuth auth) {
    this(
        twins,
        new WsAuthentication(auth.authenticator()),
        WebSocketLimits.defaults(),
        auth.access());
  }

  /**
   * @param access the policies to enforce for the authenticated caller; null to allow everything
   */
  public WebSocketApi(
      TwinService twins,
      WsAuthentication authentication,
      WebSocketLimits limits,
      ThingAccess access) {
    this.twins = twins;
    this.authentication = authentication;
    this.limits = limits;
    this.access = access;
  }

  @Override
  public void configure(HttpServerOptions options) {
    options
        .setMaxWebSocketFrameSize(limits.maxFrameBytes())
        .setMaxWebSocketMessageSize(limits.maxMessageBytes());
  }

  @Override
  public void mount(Router router) {
    router.get(PATH).handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
      ctx.fail(new HttpException(400, "Connect with a WebSocket upgrade request."));
      return;
    }
    authentication
        .authenticate(ctx)
        .compose(
            caller ->
                request
                    .toWebSocket()
                    .map(
                        socket ->
                            new WsSession(
                                ctx.vertx(),
                                socket,
                                twins,
                                caller.subject(),
                                accessOf(caller),
                                limits,
                                conditions,
                                parsed)))
        .onSuccess(WsSession::start)
        .onFailure(ctx::fail);
  }

  private WsAccess accessOf(WsAuthentication.Caller caller) {
    return access == null || caller.auth() == null
        ? WsAccess.ALL
        : new WsAccess(access, caller.auth());
  }
}
