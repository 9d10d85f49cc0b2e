package io.greentwin.gateway.ws;

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

  public WebSocketApi(TwinService twins) {
    this(twins, new WsAuthentication(), WebSocketLimits.defaults());
  }

  public WebSocketApi(TwinService twins, WsAuthentication authentication, WebSocketLimits limits) {
    this.twins = twins;
    this.authentication = authentication;
    this.limits = limits;
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
        .authenticate(request)
        .compose(
            subject ->
                request
                    .toWebSocket()
                    .map(socket -> new WsSession(ctx.vertx(), socket, twins, subject, limits)))
        .onSuccess(WsSession::start)
        .onFailure(ctx::fail);
  }
}
