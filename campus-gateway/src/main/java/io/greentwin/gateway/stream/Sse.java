package io.greentwin.gateway.stream;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Server-sent events on the wire, as Ditto's gateway writes them. */
public final class Sse {
  public static final String MEDIA_TYPE = "text/event-stream";

  /** An event with empty data: clients ignore it; it keeps proxies from closing an idle stream. */
  static final String HEARTBEAT = "data:\n\n";

  private Sse() {}

  /**
   * True when the request explicitly accepts {@code text/event-stream} (a {@code *}{@code /*} range
   * does not count, as in Ditto), so plain GETs of the same path go to the REST routes.
   */
  public static boolean requested(RoutingContext ctx) {
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      String type = range.split(";", 2)[0].trim();
      if (type.equalsIgnoreCase(MEDIA_TYPE) || type.equalsIgnoreCase("text/*")) {
        return true;
      }
    }
    return false;
  }

  /** Sends the status line and headers of an event stream. */
  public static void start(HttpServerResponse response) {
    response
        .setStatusCode(200)
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.writeHead();
  }

  /** One event whose data is a single line of JSON. */
  public static String data(String json) {
    return "data:" + json + "\n\n";
  }

  /** A query parameter, or else a header of the same name (Ditto takes both for history). */
  public static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v != null ? v : ctx.request().getHeader(name);
  }
}
