package io.greentwin.gateway.things;

import io.greentwin.twin.TwinWriteResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTag;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;

/** The success responses of the things API, with Ditto's status codes and headers. */
final class ThingResponses {
  private ThingResponses() {}

  /** Answers with the responder once the future succeeds; fails the request otherwise. */
  static <T> void respond(RoutingContext ctx, Future<T> future, Consumer<T> responder) {
    future
        .<Void>map(
            value -> {
              responder.accept(value);
              return null;
            })
        .onFailure(ctx::fail);
  }

  /** 200 with the JSON and the resource's ETag. */
  static void ok(RoutingContext ctx, JsonValue body, Optional<EntityTag> tag) {
    etag(ctx, tag);
    json(ctx, 200, body);
  }

  /** 201 with the created resource's JSON, its ETag and its location. */
  static void created(RoutingContext ctx, TwinWriteResult r, JsonPointer path, String location) {
    etag(ctx, EntityTags.of(r.thing(), path));
    ctx.response().putHeader(HttpHeaders.LOCATION, location);
    JsonValue body = r.thing().flatMap(t -> ThingViews.valueAt(t, path)).orElseThrow();
    json(ctx, 201, body);
  }

  /** 204, with the resource's new ETag where it still exists. */
  static void noContent(RoutingContext ctx, Optional<EntityTag> tag) {
    etag(ctx, tag);
    ctx.response().setStatusCode(204).end();
  }

  /** A JSON response. */
  static void json(RoutingContext ctx, int status, JsonValue body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, ThingBodies.JSON)
        .end(body.toString());
  }

  /** The request's absolute URI without its query: where a resource created by PUT lives. */
  static String locationOf(RoutingContext ctx) {
    String uri = ctx.request().absoluteURI();
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  private static void etag(RoutingContext ctx, Optional<EntityTag> tag) {
    tag.ifPresent(t -> ctx.response().putHeader(HttpHeaders.ETAG, t.toString()));
  }
}
