package io.greentwin.gateway;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** One part of the gateway's HTTP surface (things, search, streams, history, WebSocket, UI). */
public interface HttpApi {
  /** Adjusts the server's options this part needs (e.g. WebSocket frame sizes); none by default. */
  default void configure(HttpServerOptions options) {}

  /** Adds this part's routes to the router. Handlers never block the event loop. */
  void mount(Router router);
}
