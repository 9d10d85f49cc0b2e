package io.greentwin.gateway.ws;

import io.greentwin.auth.ThingAccess;
import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinWrite;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingConditionFailedException;

/**
 * The thing policies as one socket's subject meets them: commands read only readable parts and
 * write only where allowed (atomically with the write), events and search results carry only what
 * the subject may read. {@link #ALL} (no authentication configured) allows everything.
 *
 * @param access the policies, or null to allow everything
 * @param auth the socket's subject, or null when {@code access} is
 */
record WsAccess(ThingAccess access, AuthorizationContext auth) {
  static final WsAccess ALL = new WsAccess(null, null);

  /** The write, checked for permission inside its atomic precondition. */
  TwinWrite guard(TwinWrite write) {
    return access == null ? write : access.guarded(write, auth);
  }

  /** Ditto's not-found error of the resource when nothing of it is readable. */
  void checkRead(Thing thing, JsonPointer path, DittoHeaders h) {
    if (access != null && !access.canRead(thing, path, auth)) {
      throw TwinErrors.notFound(thing.getEntityId().orElseThrow(), path).setDittoHeaders(h);
    }
  }

  /**
   * Ditto's 412 {@code things:condition.failed} (insufficient permission) unless the subject may
   * read every field the {@code condition} references (the fields from Ditto's parsed condition).
   */
  void checkConditionReadable(Thing thing, Set<JsonPointer> fields, Supplier<DittoHeaders> h) {
    if (!canReadAll(thing, fields)) {
      throw ThingConditionFailedException.newBuilderForInsufficientPermission(h.get()).build();
    }
  }

  /** True when the subject may read every one of the fields entirely. */
  boolean canReadAll(Thing thing, Set<JsonPointer> fields) {
    return access == null || access.canReadAll(thing, fields, auth);
  }

  /** A read's value (the thing's JSON, or the value at the path) reduced to its readable parts. */
  JsonValue view(Thing thing, JsonPointer path, JsonValue value) {
    if (access == null) {
      return value;
    }
    return path.isEmpty()
        ? access.readableJson(thing, (JsonObject) value, auth)
        : access.readableValue(thing, path, value, auth);
  }

  /** True when the subject may read something of the thing. */
  boolean canRead(Thing thing) {
    return access == null || access.canRead(thing, JsonPointer.empty(), auth);
  }

  /** The thing reduced to its readable parts; empty when nothing is readable. */
  Optional<Thing> readable(Thing thing) {
    return access == null ? Optional.of(thing) : access.readableThing(thing, auth);
  }

  /** The things reduced to their readable parts, for search. */
  Collection<Thing> readable(Collection<Thing> things) {
    return access == null ? things : List.copyOf(access.readableThings(things, auth));
  }

  /** The event as the subject may see it, or empty. */
  Optional<TwinEvent> visible(TwinEvent event) {
    return access == null ? Optional.of(event) : access.visibleEvent(event, auth);
  }
}
