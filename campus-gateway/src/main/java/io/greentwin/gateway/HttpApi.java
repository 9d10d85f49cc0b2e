package io.greentwin.gateway;

import io.vertx.ext.web.Router;

/** One part of the gateway's HTTP surface (things, search, streams, history, WebSocket, UI). */
public interface HttpApi {
  /** Adds this part's routes to the router. Handlers never block the event loop. */
  void mount(Router router);
}
