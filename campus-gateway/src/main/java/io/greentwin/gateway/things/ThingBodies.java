package io.greentwin.gateway.things;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.base.model.exceptions.UnsupportedMediaTypeException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonRuntimeException;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingIdNotExplicitlySettableException;

/**
 * Request bodies as Ditto's HTTP API takes them: the media type first (PUT/POST {@code
 * application/json}, PATCH only {@code application/merge-patch+json}, else 415 {@code
 * mediatype.unsupported}), then the JSON ({@code json.invalid} when malformed).
 */
final class ThingBodies {
  static final String JSON = "application/json";
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  /**
   * Media types a PUT or POST accepts: JSON, and what an HTTP stack assumes for a body without a
   * Content-Type (Ditto's default {@code additional-accepted-media-types}).
   */
  private static final Set<String> PUT_MEDIA_TYPES = Set.of(JSON, "application/octet-stream");

  private ThingBodies() {}

  /** Rejects a PUT/POST body that is not declared as JSON. */
  static void requireJson(RoutingContext ctx) {
    String type = mediaType(ctx).orElse("application/octet-stream");
    if (!PUT_MEDIA_TYPES.contains(type)) {
      throw UnsupportedMediaTypeException.withDetailedInformationBuilder(type, Set.of(JSON))
          .build();
    }
  }

  /** Rejects a PATCH body that is not an RFC 7396 merge patch. */
  static void requireMergePatch(RoutingContext ctx) {
    Optional<String> type = mediaType(ctx);
    if (type.isEmpty()) {
      throw UnsupportedMediaTypeException.builderForEmptyContentTypeHeader(MERGE_PATCH_JSON)
          .build();
    }
    if (!type.get().equals(MERGE_PATCH_JSON)) {
      throw UnsupportedMediaTypeException.builderForMergePatchJsonMediaType(
              type.get(), MERGE_PATCH_JSON)
          .build();
    }
  }

  /**
   * The body as JSON. An empty body is the empty object where the whole thing is written (Ditto
   * creates an empty thing), and malformed JSON everywhere else.
   */
  static JsonValue json(RoutingContext ctx, boolean emptyIsObject) {
    String text = ctx.body().asString();
    if ((text == null || text.isBlank()) && emptyIsObject) {
      return JsonObject.empty();
    }
    try {
      return JsonFactory.readFrom(text == null ? "" : text);
    } catch (JsonRuntimeException e) {
      throw new DittoJsonException(e);
    }
  }

  /** Rejects a thing body whose {@code thingId} differs from the one in the URL. */
  static void requireIdOfPath(JsonValue body, ThingId id) {
    if (body.isObject()
        && body.asObject()
            .getValue(Thing.JsonFields.ID)
            .filter(given -> !given.equals(id.toString()))
            .isPresent()) {
      throw ThingIdNotExplicitlySettableException.forPutOrPatchMethod().build();
    }
  }

  /** Rejects a POST body that names its own thing id (POST generates it). */
  static void requireNoId(JsonValue body) {
    if (body.isObject() && body.asObject().contains(Thing.JsonFields.ID.getPointer())) {
      throw ThingIdNotExplicitlySettableException.forPostMethod().build();
    }
  }

  /** The request's media type without parameters, lower case; empty when not declared. */
  private static Optional<String> mediaType(RoutingContext ctx) {
    return Optional.ofNullable(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))
        .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
        .filter(v -> !v.isEmpty());
  }
}
