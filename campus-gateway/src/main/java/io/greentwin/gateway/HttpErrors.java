package io.greentwin.gateway;

import io.greentwin.error.GreenTwinException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become HTTP responses, always Ditto's error JSON ({@code status}, {@code
 * error}, {@code message}, {@code description}); never a stack trace to a client.
 */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  /** Renders whatever failed the request. */
  public static void handleFailure(RoutingContext ctx) {
    Throwable t = ctx.failure();
    if (t instanceof DittoRuntimeException d) {
      respond(ctx, d.getHttpStatus().getCode(), d.toJson());
    } else if (t instanceof GreenTwinException g) {
      respond(ctx, of(g.code().status(), g.code().id(), g.getMessage(), g.description()));
    } else if (t instanceof HttpException h || ctx.statusCode() == 413) {
      int status = t instanceof HttpException h2 ? h2.getStatusCode() : ctx.statusCode();
      respond(
          ctx,
          status == 413
              ? tooLarge()
              : of(
                  status,
                  "gateway:request.invalid",
                  "The request is invalid.",
                  String.valueOf(t == null ? "" : t.getMessage())));
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().uri(), t);
      respond(
          ctx,
          of(
              500,
              "gateway:internalerror",
              "An internal error occurred.",
              "The error was logged on the server."));
    }
  }

  /** Ditto-style error JSON. */
  public static JsonObject of(int status, String error, String message, String description) {
    return JsonFactory.newObjectBuilder()
        .set("status", status)
        .set("error", error)
        .set("message", message)
        .set("description", description == null ? "" : description)
        .build();
  }

  static JsonObject routeNotFound(RoutingContext ctx) {
    return of(
        404,
        "gateway:route.notfound",
        "The requested resource was not found.",
        "No route for " + ctx.request().method() + " " + ctx.request().path() + ".");
  }

  static JsonObject tooLarge() {
    return of(
        413,
        "things:thing.toolarge",
        "The size of the request exceeds the limit.",
        "Reduce the size of the request body.");
  }

  /** Sends an error JSON whose {@code status} field is the HTTP status. */
  public static void respond(RoutingContext ctx, JsonObject error) {
    respond(ctx, error.getValue("status").map(v -> v.asInt()).orElse(500), error);
  }

  private static void respond(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.toString());
  }
}
