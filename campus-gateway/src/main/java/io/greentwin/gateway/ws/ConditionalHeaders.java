package io.greentwin.gateway.ws;

import io.greentwin.twin.Precondition;
import io.greentwin.twin.WriteKind;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTag;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTagMatchers;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingCommand;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConditionFailedException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConditionInvalidException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConflictException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingPreconditionFailedException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingPreconditionNotModifiedException;
import org.eclipse.ditto.things.model.signals.commands.modify.CreateThing;

/**
 * Ditto's conditional requests on the protocol: {@code If-Match} / {@code If-None-Match} against
 * the resource's ETag ({@code "rev:N"} for the thing, Ditto's {@code "hash:…"} for a part of it),
 * the RQL {@code condition} header, {@code create} only when absent, and a feature part written
 * only when the feature exists. Write checks run atomically inside the write as a {@link
 * Precondition}; read checks run on the state read.
 */
final class ConditionalHeaders {
  private static final String IF_MATCH = "if-match";
  private static final String IF_NONE_MATCH = "if-none-match";

  private ConditionalHeaders() {}

  /** The ETag of the resource at {@code path}, as Ditto computes it; empty when it is absent. */
  static Optional<EntityTag> etag(Thing thing, JsonPointer path) {
    if (path.isEmpty()) {
      return EntityTag.fromEntity(thing);
    }
    return thing.toJson().getValue(path).flatMap(EntityTag::fromEntity);
  }

  /**
   * The check a write at {@code path} makes against the current state (throws Ditto's exception
   * when unmet); the subject must be able to read every field of the condition.
   */
  static Precondition forWrite(
      ThingCommand<?> cmd, JsonPointer path, WsAccess access, RqlShapeCache conditions) {
    DittoHeaders h = cmd.getDittoHeaders();
    ThingId id = cmd.getEntityId();
    boolean createOnly = cmd instanceof CreateThing;
    boolean featurePart = isBelowFeature(path) && TwinCommands.kind(cmd) == WriteKind.PUT;
    Optional<RqlThingFilter> condition = condition(h, conditions);
    return current -> {
      if (createOnly && current.isPresent()) {
        throw ThingConflictException.newBuilder(id).dittoHeaders(h).build();
      }
      if (current.isEmpty()) {
        if (h.getIfMatch().isPresent() && path.isEmpty()) {
          throw preconditionFailed(IF_MATCH, h.getIfMatch().get(), Optional.empty(), h);
        }
        return; // the write itself answers "not found" for a part of a missing thing
      }
      Thing thing = current.get();
      condition.ifPresent(c -> access.checkConditionReadable(thing, c.fields(), () -> h));
      if (featurePart) {
        requireFeature(thing, id, path.get(1).orElseThrow().toString(), () -> h);
      }
      if (isConditional(h)) {
        checkEtags(h, etag(thing, path), false);
      }
      condition.ifPresent(c -> checkCondition(c, thing, () -> h));
    };
  }

  /**
   * The check of a sync job's merge ({@link SyncMerge}): what {@link #forWrite} checks for its
   * {@code MergeThing} at the root without ETags — the condition's fields readable, the condition
   * met — with Ditto's headers built only for an exception.
   */
  static Precondition forSyncMerge(SyncMerge m, WsAccess access, RqlShapeCache conditions) {
    Optional<RqlThingFilter> condition =
        Optional.ofNullable(m.condition()).map(rql -> parse(rql, m::headers, conditions));
    return current -> {
      if (current.isEmpty() || condition.isEmpty()) {
        return; // the write itself answers "not found" for a missing thing
      }
      Thing thing = current.get();
      RqlThingFilter c = condition.get();
      access.checkConditionReadable(thing, c.fields(), m::headers);
      checkCondition(c, thing, m::headers);
    };
  }

  /**
   * The check a {@link PropertyModify} needs (it has no conditional headers): as for any PUT below
   * a feature, the feature must exist.
   */
  static Precondition forProperty(PropertyModify m) {
    return current -> {
      if (current.isPresent()) {
        requireFeature(current.get(), m.thingId(), m.featureId(), m::headers);
      }
    };
  }

  /** Ditto's 404 for a write below a feature the thing does not have (headers built only then). */
  private static void requireFeature(
      Thing thing, ThingId id, String featureId, Supplier<DittoHeaders> h) {
    if (thing.getFeatures().flatMap(f -> f.getFeature(featureId)).isEmpty()) {
      throw FeatureNotAccessibleException.newBuilder(id, featureId).dittoHeaders(h.get()).build();
    }
  }

  /** True when the request carries {@code If-Match} or {@code If-None-Match}. */
  static boolean isConditional(DittoHeaders h) {
    return h.getIfMatch().isPresent() || h.getIfNoneMatch().isPresent();
  }

  /** The checks a read makes; {@code If-None-Match} that matches answers 304 as Ditto does. */
  static void checkRead(
      DittoHeaders h, Thing thing, JsonPointer path, WsAccess access, RqlShapeCache conditions) {
    Optional<RqlThingFilter> condition = condition(h, conditions);
    condition.ifPresent(c -> access.checkConditionReadable(thing, c.fields(), () -> h));
    checkEtags(h, etag(thing, path), true);
    condition.ifPresent(c -> checkCondition(c, thing, () -> h));
  }

  private static void checkEtags(DittoHeaders h, Optional<EntityTag> actual, boolean read) {
    Optional<EntityTagMatchers> ifMatch = h.getIfMatch();
    if (ifMatch.isPresent()
        && ifMatch.get().stream().noneMatch(m -> actual.map(m::strongMatch).orElse(false))) {
      throw preconditionFailed(IF_MATCH, ifMatch.get(), actual, h);
    }
    Optional<EntityTagMatchers> ifNoneMatch = h.getIfNoneMatch();
    if (ifNoneMatch.isPresent()
        && actual.isPresent()
        && ifNoneMatch.get().stream().anyMatch(m -> m.weakMatch(actual.get()))) {
      if (read) {
        throw ThingPreconditionNotModifiedException.newBuilder(
                ifNoneMatch.get().toString(), actual.get().toString())
            .dittoHeaders(h)
            .build();
      }
      throw preconditionFailed(IF_NONE_MATCH, ifNoneMatch.get(), actual, h);
    }
  }

  private static DittoRuntimeException preconditionFailed(
      String header, EntityTagMatchers expected, Optional<EntityTag> actual, DittoHeaders h) {
    return ThingPreconditionFailedException.newBuilder(
            header, expected.toString(), actual.map(EntityTag::toString).orElse(""))
        .dittoHeaders(h)
        .build();
  }

  private static Optional<RqlThingFilter> condition(DittoHeaders h, RqlShapeCache conditions) {
    return h.getCondition().map(rql -> parse(rql, () -> h, conditions));
  }

  private static RqlThingFilter parse(
      String rql, Supplier<DittoHeaders> h, RqlShapeCache conditions) {
    try {
      return conditions.parse(rql, h);
    } catch (InvalidRqlExpressionException e) {
      throw ThingConditionInvalidException.newBuilder(rql, e.getMessage())
          .dittoHeaders(h.get())
          .build();
    }
  }

  private static void checkCondition(
      RqlThingFilter condition, Thing thing, Supplier<DittoHeaders> h) {
    if (!condition.test(thing)) {
      throw ThingConditionFailedException.newBuilder(h.get()).build();
    }
  }

  private static boolean isBelowFeature(JsonPointer path) {
    return path.getLevelCount() >= 3
        && path.get(0).map(k -> k.toString().equals("features")).orElse(false);
  }
}
