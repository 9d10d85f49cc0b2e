package io.greentwin.gateway.things;

import io.greentwin.gateway.HttpErrors;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.concurrent.CompletionException;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonRuntimeException;
import org.eclipse.ditto.things.model.ThingTooLargeException;

/**
 * Renders the failures of the things API as Ditto does: Ditto's error JSON with the resource's
 * current ETag where Ditto sends one (412), {@code 304 Not Modified} with the ETag and no body, and
 * a body over the limit as {@code things:thing.toolarge} (413). Everything else goes to the
 * gateway's {@link HttpErrors}, which never lets a stack trace reach a client.
 */
final class ThingFailures {
  private final long maxBodyBytes;

  ThingFailures(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  void handle(RoutingContext ctx) {
    Throwable failure = unwrap(ctx.failure());
    if (failure instanceof JsonRuntimeException json) {
      failure = new DittoJsonException(json); // a JSON error that escaped its call site: 400
    }
    if (isTooLarge(ctx, failure)) {
      failure = ThingTooLargeException.newBuilder(declaredLength(ctx), maxBodyBytes).build();
    }
    if (!(failure instanceof DittoRuntimeException d) || ctx.response().headWritten()) {
      HttpErrors.handleFailure(ctx);
      return;
    }
    d.getDittoHeaders()
        .getETag()
        .ifPresent(tag -> ctx.response().putHeader(HttpHeaders.ETAG, tag.toString()));
    if (d.getHttpStatus().getCode() == 304) {
      ctx.response().setStatusCode(304).end();
    } else {
      HttpErrors.respond(ctx, d.toJson());
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static boolean isTooLarge(RoutingContext ctx, Throwable failure) {
    return ctx.statusCode() == 413
        || failure instanceof HttpException h && h.getStatusCode() == 413;
  }

  /** The size the client declared; the limit plus one when it sent the body in chunks. */
  private long declaredLength(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
    } catch (NumberFormatException e) {
      return maxBodyBytes + 1; // chunked: only "more than the limit" is known
    }
  }
}
