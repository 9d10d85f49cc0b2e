package io.greentwin.gateway.things;

import io.greentwin.gateway.rql.ThingFilter;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTagMatchers;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonParseOptions;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingResource;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConditionInvalidException;

/**
 * A request to {@code /api/2/things/{thingId}[/resource]}, parsed and validated once: which thing,
 * which resource at which path below it, and the request's {@code fields}, {@code condition},
 * {@code If-Match} and {@code If-None-Match}. Invalid parts throw Ditto's exceptions.
 */
record ThingRequest(
    ThingId thingId,
    JsonPointer path,
    ThingResource resource,
    Optional<JsonFieldSelector> fields,
    Optional<ThingFilter> condition,
    Optional<EntityTagMatchers> ifMatch,
    Optional<EntityTagMatchers> ifNoneMatch) {

  static final String THINGS = "/api/2/things";
  static final String CONDITION = "condition";
  private static final JsonParseOptions NO_URL_DECODING =
      JsonParseOptions.newBuilder().withoutUrlDecoding().build();

  /** Resources of a thing the HTTP API serves (not the inlined policy). */
  private static final List<ThingResource> SERVED =
      List.of(
          ThingResource.THING,
          ThingResource.DEFINITION,
          ThingResource.POLICY_ID,
          ThingResource.ATTRIBUTES,
          ThingResource.ATTRIBUTE,
          ThingResource.FEATURES,
          ThingResource.FEATURE,
          ThingResource.FEATURE_DEFINITION,
          ThingResource.FEATURE_PROPERTIES,
          ThingResource.FEATURE_PROPERTY,
          ThingResource.FEATURE_DESIRED_PROPERTIES,
          ThingResource.FEATURE_DESIRED_PROPERTY);

  /** The segments of {@code /api/2/things/<id>[/…]} after the prefix, URL-decoded. */
  static Optional<List<String>> segments(RoutingContext ctx) {
    String raw = ctx.request().path();
    if (raw == null || !raw.startsWith(THINGS + "/")) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (String s : raw.substring(THINGS.length() + 1).split("/", -1)) {
      Optional<String> key = decode(s).filter(k -> !k.isEmpty());
      if (key.isEmpty()) {
        return Optional.empty();
      }
      out.add(key.get());
    }
    return Optional.of(out);
  }

  /** The resource a request addresses, or empty when no thing resource has this path. */
  static Optional<ThingResource> resourceOf(RoutingContext ctx) {
    return segments(ctx).flatMap(s -> ThingResource.from(pointer(s))).filter(SERVED::contains);
  }

  /** Parses the request; call only when {@link #resourceOf} is present. */
  static ThingRequest of(RoutingContext ctx) {
    List<String> segments = segments(ctx).orElseThrow();
    JsonPointer path = pointer(segments);
    return new ThingRequest(
        ThingId.of(segments.get(0)),
        path,
        ThingResource.from(path).orElseThrow(),
        fields(ctx),
        condition(ctx),
        matchers(ctx, "If-Match"),
        matchers(ctx, "If-None-Match"));
  }

  /** The {@code fields} query parameter as Ditto's selector (400 when malformed). */
  static Optional<JsonFieldSelector> fields(RoutingContext ctx) {
    return ctx.queryParam("fields").stream()
        .findFirst()
        .filter(f -> !f.isBlank())
        .map(f -> DittoJsonException.wrapJsonRuntimeException(() -> selector(f)));
  }

  private static JsonFieldSelector selector(String fields) {
    return JsonFactory.newFieldSelector(fields, NO_URL_DECODING);
  }

  boolean isRoot() {
    return path.isEmpty();
  }

  private static Optional<ThingFilter> condition(RoutingContext ctx) {
    Optional<String> rql =
        ctx.queryParam(CONDITION).stream()
            .findFirst()
            .or(() -> Optional.ofNullable(ctx.request().getHeader(CONDITION)));
    return rql.map(
        c -> {
          try {
            return ThingFilter.parse(c);
          } catch (InvalidRqlExpressionException e) {
            throw ThingConditionInvalidException.newBuilder(c, e.getMessage()).build();
          }
        });
  }

  private static Optional<EntityTagMatchers> matchers(RoutingContext ctx, String header) {
    return Optional.ofNullable(ctx.request().getHeader(header))
        .map(EntityTagMatchers::fromCommaSeparatedString);
  }

  private static JsonPointer pointer(List<String> segments) {
    JsonPointer p = JsonPointer.empty();
    for (String key : segments.subList(1, segments.size())) {
      p = p.addLeaf(JsonKey.of(key));
    }
    return p;
  }

  /** Percent-decoding of a path segment ({@code +} stays a plus); empty when malformed. */
  private static Optional<String> decode(String segment) {
    try {
      return Optional.of(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a malformed escape names no resource: the route is not found
    }
  }
}
