package io.greentwin.gateway;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * The campus gateway's HTTP server: one router with a body limit, every {@link HttpApi} part
 * mounted on it, and one failure handler that renders every error as Ditto's error JSON. {@code
 * start()} completes with the listen result, so a failed bind fails the deployment.
 */
public final class GatewayVerticle extends VerticleBase {
  private final GatewayConfig config;
  private final List<HttpApi> apis;
  private HttpServer server;

  public GatewayVerticle(GatewayConfig config, List<HttpApi> apis) {
    this.config = config;
    this.apis = List.copyOf(apis);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
    apis.forEach(api -> api.mount(router));
    router.route().last().handler(ctx -> HttpErrors.respond(ctx, HttpErrors.routeNotFound(ctx)));
    router.route().failureHandler(HttpErrors::handleFailure);
    HttpServerOptions options = new HttpServerOptions();
    apis.forEach(api -> api.configure(options));
    return vertx
        .createHttpServer(options)
        .requestHandler(router)
        .listen(config.port(), config.host())
        .onSuccess(s -> server = s);
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }
}
