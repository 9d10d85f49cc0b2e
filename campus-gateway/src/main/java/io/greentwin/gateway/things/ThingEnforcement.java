package io.greentwin.gateway.things;

import io.greentwin.auth.AuthHandler;
import io.greentwin.auth.ThingAccess;
import io.greentwin.twin.Precondition;
import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinWrite;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConditionFailedException;

/**
 * The thing policies on the things API, as Ditto's {@code ThingCommandEnforcement} applies them:
 * reads see only readable parts (nothing readable: Ditto's 404 of that resource), writes are
 * checked inside their atomic precondition (Ditto's 403 {@code ...notmodifiable}). Without a {@link
 * ThingAccess} (embedded use without authentication) everything is allowed.
 */
final class ThingEnforcement {
  private final ThingAccess access;

  ThingEnforcement(ThingAccess access) {
    this.access = access;
  }

  /** The things of a list, each as the subject may see it; unreadable things are left out. */
  Stream<JsonValue> listed(
      RoutingContext ctx, Stream<Thing> things, Optional<JsonFieldSelector> fields) {
    if (access == null) {
      return things.map(t -> ThingViews.thing(t, fields));
    }
    var auth = AuthHandler.authorizationContext(ctx);
    return things
        .filter(t -> access.canRead(t, org.eclipse.ditto.json.JsonPointer.empty(), auth))
        .map(t -> access.readableJson(t, ThingViews.thing(t, fields), auth));
  }

  /** Fails with Ditto's not-found error of the resource when nothing of it is readable. */
  void checkRead(RoutingContext ctx, Thing thing, ThingRequest req) {
    if (access != null
        && !access.canRead(thing, req.path(), AuthHandler.authorizationContext(ctx))) {
      throw TwinErrors.notFound(req.thingId(), req.path());
    }
  }

  /**
   * Ditto's 412 {@code things:condition.failed} (insufficient permission) unless the subject may
   * read every field the request's {@code condition} references: a condition must not reveal what
   * the subject cannot read. Checked before the condition is evaluated.
   */
  void checkConditionReadable(RoutingContext ctx, Thing thing, ThingRequest req) {
    conditionReadable(ctx, req).check(Optional.of(thing));
  }

  /** {@link #checkConditionReadable} as a write's precondition (the subject is read now). */
  Precondition conditionReadable(RoutingContext ctx, ThingRequest req) {
    if (access == null || req.condition().isEmpty()) {
      return Precondition.NONE;
    }
    var auth = AuthHandler.authorizationContext(ctx);
    var fields = req.condition().get().fields();
    return current ->
        current
            .filter(thing -> !access.canReadAll(thing, fields, auth))
            .ifPresent(
                thing -> {
                  throw ThingConditionFailedException.newBuilderForInsufficientPermission(
                          DittoHeaders.empty())
                      .build();
                });
  }

  /** The requested resource as the subject may see it. */
  JsonValue view(RoutingContext ctx, Thing thing, ThingRequest req) {
    JsonValue value = ThingViews.resource(thing, req);
    if (access == null) {
      return value;
    }
    var auth = AuthHandler.authorizationContext(ctx);
    return req.isRoot()
        ? access.readableJson(thing, (JsonObject) value, auth)
        : access.readableValue(thing, req.path(), value, auth);
  }

  /** The write, checked for the subject's permission atomically with the change. */
  TwinWrite guard(RoutingContext ctx, TwinWrite write) {
    return access == null ? write : access.guarded(write, AuthHandler.authorizationContext(ctx));
  }
}
