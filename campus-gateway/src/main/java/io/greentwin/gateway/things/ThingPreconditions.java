package io.greentwin.gateway.things;

import io.greentwin.twin.Precondition;
import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.WriteKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeExceptionBuilder;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTag;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTagMatchers;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.signals.commands.ThingResource;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConditionFailedException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingPreconditionFailedException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingPreconditionNotModifiedException;

/**
 * Ditto's checks of a request against the thing's current state, in Ditto's order: the thing must
 * exist (unless PUT creates it); {@code If-Match} and {@code If-None-Match} against the
 * (sub-)resource's ETag (RFC 7232, as Ditto's {@code ConditionalHeadersValidator}: skipped for
 * reads and deletes of a missing resource; evaluated before the condition, as Ditto documents); the
 * RQL {@code condition} (not for the thing's creation); then what the write needs to exist (the
 * resource a DELETE removes, the feature below which a PUT writes). A write's checks run inside the
 * write, so they are atomic with it. Failures carry the current ETag in their headers.
 */
final class ThingPreconditions {
  private static final Set<ThingResource> BELOW_FEATURE =
      EnumSet.of(
          ThingResource.FEATURE_DEFINITION,
          ThingResource.FEATURE_PROPERTIES,
          ThingResource.FEATURE_PROPERTY,
          ThingResource.FEATURE_DESIRED_PROPERTIES,
          ThingResource.FEATURE_DESIRED_PROPERTY);

  private ThingPreconditions() {}

  /** Checks a read of an existing thing: 412 on {@code If-Match}, 304 on {@code If-None-Match}. */
  static void checkRead(ThingRequest req, Thing thing) {
    Optional<EntityTag> tag = EntityTags.of(Optional.of(thing), req.path());
    if (tag.isPresent()) {
      checkIfMatch(req, tag);
      req.ifNoneMatch()
          .filter(m -> matches(m, tag))
          .ifPresent(
              m -> {
                throw withETag(
                    ThingPreconditionNotModifiedException.newBuilder(
                        m.toString(), tag.get().toString()),
                    tag);
              });
    }
    checkCondition(req, thing);
  }

  /** The precondition of a write of the given kind, checked atomically by the twin service. */
  static Precondition forWrite(ThingRequest req, WriteKind kind) {
    return current -> checkWrite(req, kind, current);
  }

  private static void checkWrite(ThingRequest req, WriteKind kind, Optional<Thing> current) {
    boolean createsThing = req.isRoot() && kind == WriteKind.PUT && current.isEmpty();
    if (current.isEmpty() && !createsThing) {
      throw TwinErrors.notFound(req.thingId(), JsonPointer.empty());
    }
    Optional<EntityTag> tag = EntityTags.of(current, req.path());
    if (tag.isPresent() || kind != WriteKind.DELETE) {
      checkIfMatch(req, tag);
      req.ifNoneMatch()
          .filter(m -> matches(m, tag))
          .ifPresent(m -> throw412("if-none-match", m, tag));
    }
    current.ifPresent(thing -> checkCondition(req, thing));
    if (kind == WriteKind.DELETE && tag.isEmpty()) {
      throw ThingViews.notFound(current.orElseThrow(), req.thingId(), req.path());
    }
    if (kind != WriteKind.MERGE && BELOW_FEATURE.contains(req.resource())) {
      String featureId = req.path().get(1).orElseThrow().toString();
      if (current.orElseThrow().getFeatures().flatMap(f -> f.getFeature(featureId)).isEmpty()) {
        // Ditto: a feature's definition and properties are written only on an existing feature
        throw TwinErrors.notFound(req.thingId(), req.path().getPrefixPointer(2).orElseThrow());
      }
    }
  }

  private static void checkIfMatch(ThingRequest req, Optional<EntityTag> tag) {
    req.ifMatch().filter(m -> !matches(m, tag)).ifPresent(m -> throw412("if-match", m, tag));
  }

  private static void checkCondition(ThingRequest req, Thing thing) {
    req.condition()
        .filter(c -> !c.test(thing))
        .ifPresent(
            c -> {
              throw ThingConditionFailedException.newBuilder(DittoHeaders.empty()).build();
            });
  }

  private static boolean matches(EntityTagMatchers matchers, Optional<EntityTag> tag) {
    return tag.isPresent()
        && matchers.stream()
            .anyMatch(m -> tag.get().isWeak() ? m.weakMatch(tag.get()) : m.strongMatch(tag.get()));
  }

  private static void throw412(String header, EntityTagMatchers m, Optional<EntityTag> tag) {
    throw withETag(
        ThingPreconditionFailedException.newBuilder(
            header, m.toString(), tag.map(EntityTag::toString).orElse("null")),
        tag);
  }

  private static DittoRuntimeException withETag(
      DittoRuntimeExceptionBuilder<?> builder, Optional<EntityTag> tag) {
    DittoHeaders headers = tag.map(t -> DittoHeaders.newBuilder().eTag(t).build()).orElse(null);
    return headers == null ? builder.build() : builder.dittoHeaders(headers).build();
  }
}
