package io.greentwin.auth;

import io.greentwin.things.CampusThings;
import io.greentwin.twin.Precondition;
import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.WriteKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.policies.model.Permissions;
import org.eclipse.ditto.policies.model.PoliciesResourceType;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.ResourceKey;
import org.eclipse.ditto.policies.model.enforcers.Enforcer;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotAccessibleException;

/**
 * What a subject may do with a thing, decided by the thing's policy with Ditto's own enforcer and
 * the rules of Ditto's {@code ThingCommandEnforcement}: a read needs READ somewhere at or below the
 * path (partial) and returns only the readable parts ({@code Enforcer#buildJsonView}), a thing with
 * nothing readable is not found; a write needs WRITE on the whole path (unrestricted), a merge
 * WRITE on every leaf it sets. A thing without a policy id is governed by its namespace's campus
 * policy; a thing whose policy does not exist allows nothing.
 */
public final class ThingAccess {
  private static final Permissions READ = Permissions.newInstance(CampusPolicy.READ);
  private static final Permissions WRITE = Permissions.newInstance(CampusPolicy.WRITE);

  /** Fields Ditto always shows in a readable view, whatever the policy. */
  private static final JsonFieldSelector ALWAYS_SHOWN =
      JsonFactory.newFieldSelector(Thing.JsonFields.ID);

  private final TwinService twins;
  private final PolicyStore policies;
  private final PolicyDecisions decisions = new PolicyDecisions();

  public ThingAccess(TwinService twins, PolicyStore policies) {
    this.twins = twins;
    this.policies = policies;
  }

  /** True when the subject may read something at or below {@code path} of the thing. */
  public boolean canRead(Thing thing, JsonPointer path, AuthorizationContext auth) {
    return enforcer(thing).map(e -> decisions.partial(e, key(path), auth, READ)).orElse(false);
  }

  /** As {@link #canRead(Thing, JsonPointer, AuthorizationContext)}; false for an unknown thing. */
  public boolean canRead(ThingId id, JsonPointer path, AuthorizationContext auth) {
    return twins.get(id).map(t -> canRead(t, path, auth)).orElse(false);
  }

  /**
   * True when the subject may read every one of the fields entirely (each at and below its path),
   * as Ditto requires of the fields an RQL {@code condition} references.
   */
  public boolean canReadAll(Thing thing, Collection<JsonPointer> paths, AuthorizationContext auth) {
    return paths.isEmpty()
        || enforcer(thing)
            .map(e -> paths.stream().allMatch(p -> decisions.unrestricted(e, key(p), auth, READ)))
            .orElse(false);
  }

  /** True when the subject may write everything at and below {@code path} of the thing. */
  public boolean canWrite(Thing thing, JsonPointer path, AuthorizationContext auth) {
    return enforcer(thing)
        .map(e -> decisions.unrestricted(e, key(path), auth, WRITE))
        .orElse(false);
  }

  /** As {@link #canWrite(Thing, JsonPointer, AuthorizationContext)}; false for an unknown thing. */
  public boolean canWrite(ThingId id, JsonPointer path, AuthorizationContext auth) {
    return twins.get(id).map(t -> canWrite(t, path, auth)).orElse(false);
  }

  /**
   * The thing as the subject may see it: its JSON ({@code fields} selected, or all regular fields
   * when null) less every part the policy does not let it read; {@code thingId} always stays.
   * Throws Ditto's {@code things:thing.notfound} (404) when nothing of the thing is readable.
   */
  public JsonObject readableView(Thing thing, JsonFieldSelector fields, AuthorizationContext auth) {
    JsonObject json = fields == null ? thing.toJson() : thing.toJson(JsonSchemaVersion.V_2, fields);
    return readableJson(thing, json, auth);
  }

  /** As {@link #readableView}, filtering JSON of the thing the caller built itself. */
  public JsonObject readableJson(Thing thing, JsonObject thingJson, AuthorizationContext auth) {
    Enforcer enforcer = readable(thing, JsonPointer.empty(), auth);
    return enforcer.buildJsonView(key(JsonPointer.empty()), thingJson, auth, ALWAYS_SHOWN, READ);
  }

  /**
   * The thing reduced to what the subject may read, keeping its revision and timestamps (what
   * Ditto's search index holds for a subject): search filters, sorting and projection then see
   * readable parts only. Empty when nothing of the thing is readable.
   */
  public Optional<Thing> readableThing(Thing thing, AuthorizationContext auth) {
    Optional<Enforcer> enforcer = enforcer(thing);
    if (enforcer.isEmpty()
        || !decisions.partial(enforcer.get(), key(JsonPointer.empty()), auth, READ)) {
      return Optional.empty();
    }
    if (decisions.unrestricted(enforcer.get(), key(JsonPointer.empty()), auth, READ)) {
      // Everything readable: the thing itself, not a rebuilt copy (search over thousands of
      // twins stays as fast as without policies for subjects who read everything).
      return Optional.of(thing);
    }
    Thing view = ThingsModelFactory.newThing(readableView(thing, null, auth));
    var copy = view.toBuilder();
    thing.getRevision().ifPresent(copy::setRevision);
    thing.getModified().ifPresent(copy::setModified);
    thing.getCreated().ifPresent(copy::setCreated);
    return Optional.of(copy.build());
  }

  /** Each thing as {@link #readableThing}; those with nothing readable are left out. */
  public List<Thing> readableThings(Collection<Thing> things, AuthorizationContext auth) {
    return things.stream().flatMap(t -> readableThing(t, auth).stream()).toList();
  }

  /**
   * The value at {@code path} below the thing as the subject may see it (objects reduced to their
   * readable parts). Throws Ditto's not-found error for that path ({@code things:feature.notfound},
   * ...) when nothing there is readable, as Ditto does.
   */
  public JsonValue readableValue(
      Thing thing, JsonPointer path, JsonValue value, AuthorizationContext auth) {
    Enforcer enforcer = readable(thing, path, auth);
    if (!value.isObject()) {
      return value;
    }
    return enforcer.buildJsonView(key(path), value.asObject(), auth, READ);
  }

  /**
   * Throws Ditto's 403 ({@code things:thing.notmodifiable}, {@code things:attribute.notmodifiable},
   * ...) unless the subject may make this write. {@code current} is the thing now, or null when the
   * write creates it (then the new thing's policy decides).
   */
  public void checkWrite(Thing current, TwinWrite write, AuthorizationContext auth) {
    Optional<Enforcer> enforcer = current != null ? enforcer(current) : enforcerOfNew(write);
    boolean allowed =
        enforcer
            .map(
                e ->
                    write.kind() == WriteKind.MERGE
                        ? mayMerge(e, write, auth)
                        : decisions.unrestricted(e, key(write.path()), auth, WRITE))
            .orElse(false);
    if (!allowed) {
      throw NotModifiable.of(write.thingId(), write.kind(), write.path());
    }
  }

  /**
   * The write with the permission check made first inside its atomic precondition: a forbidden
   * write then changes nothing and emits nothing. A write to a thing that does not exist (other
   * than its creation) is left to the write's own precondition, which reports it not found.
   */
  public TwinWrite guarded(TwinWrite write, AuthorizationContext auth) {
    Precondition own = write.precondition();
    return write.when(
        current -> {
          boolean creates =
              current.isEmpty() && write.path().isEmpty() && write.kind() == WriteKind.PUT;
          if (current.isPresent() || creates) {
            checkWrite(current.orElse(null), write, auth);
          }
          own.check(current);
        });
  }

  /** True when the subject may see the event: it may read (part of) what changed. */
  public boolean canSeeEvent(TwinEvent event, AuthorizationContext auth) {
    return visibleEventValue(event, auth).isPresent();
  }

  /**
   * The event's value as the subject may see it: empty when it may read nothing of the changed
   * path; the value reduced to its readable parts when it may read some of it. Send the event with
   * this value to the subscriber.
   */
  public Optional<JsonValue> visibleEventValue(TwinEvent event, AuthorizationContext auth) {
    Optional<Enforcer> found = enforcer(eventPolicy(event));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Enforcer enforcer = found.get();
    ResourceKey key = key(event.path());
    if (!decisions.partial(enforcer, key, auth, READ)) {
      return Optional.empty();
    }
    JsonValue value = event.value();
    if (value.isObject() && !value.asObject().isEmpty()) {
      JsonObject view =
          event.path().isEmpty()
              ? enforcer.buildJsonView(key, value.asObject(), auth, ALWAYS_SHOWN, READ)
              : enforcer.buildJsonView(key, value.asObject(), auth, READ);
      return view.isEmpty() ? Optional.empty() : Optional.of(view);
    }
    if (value.isObject() || value.isNull()) {
      return Optional.of(value); // a deletion or an empty object: reading part of the path suffices
    }
    return decisions.unrestricted(enforcer, key, auth, READ)
        ? Optional.of(value)
        : Optional.empty();
  }

  /** The event as the subject may see it (its value reduced), or empty when it may not. */
  public Optional<TwinEvent> visibleEvent(TwinEvent e, AuthorizationContext auth) {
    return visibleEventValue(e, auth)
        .map(
            v ->
                v.equals(e.value())
                    ? e
                    : new TwinEvent(
                        e.thingId(),
                        e.kind(),
                        e.path(),
                        v,
                        e.revision(),
                        e.timestamp(),
                        e.originator()));
  }

  /** The policy that governs a thing: its own, else its namespace's campus policy. */
  public static PolicyId policyIdOf(Thing thing) {
    return thing
        .getPolicyEntityId()
        .orElseGet(
            () -> CampusThings.policyId(thing.getEntityId().map(ThingId::getNamespace).orElse("")));
  }

  private Enforcer readable(Thing thing, JsonPointer path, AuthorizationContext auth) {
    Optional<Enforcer> enforcer = enforcer(thing);
    if (enforcer.isEmpty() || !decisions.partial(enforcer.get(), key(path), auth, READ)) {
      ThingId id = thing.getEntityId().orElseThrow();
      throw path.isEmpty()
          ? ThingNotAccessibleException.newBuilder(id).build()
          : TwinErrors.notFound(id, path);
    }
    return enforcer.get();
  }

  /** Ditto's merge rule: WRITE on the whole path, or partial WRITE and WRITE on every leaf set. */
  private boolean mayMerge(Enforcer e, TwinWrite write, AuthorizationContext auth) {
    ResourceKey key = key(write.path());
    if (decisions.unrestricted(e, key, auth, WRITE)) {
      return true;
    }
    if (!decisions.partial(e, key, auth, WRITE)) {
      return false;
    }
    Set<ResourceKey> leaves = new HashSet<>();
    addLeaves(write.path(), write.value(), leaves);
    return e.hasUnrestrictedPermissions(leaves, auth, CampusPolicy.WRITE);
  }

  private static void addLeaves(JsonPointer path, JsonValue value, Set<ResourceKey> leaves) {
    if (value.isObject() && !value.asObject().isEmpty()) {
      value
          .asObject()
          .forEach(f -> addLeaves(path.append(f.getKey().asPointer()), f.getValue(), leaves));
    } else {
      leaves.add(key(path));
    }
  }

  private Optional<Enforcer> enforcerOfNew(TwinWrite write) {
    JsonValue v = write.value();
    Optional<String> policyId =
        v.isObject() ? v.asObject().getValue(Thing.JsonFields.POLICY_ID) : Optional.empty();
    return policies.enforcer(
        policyId
            .map(PolicyId::of)
            .orElseGet(() -> CampusThings.policyId(write.thingId().getNamespace())));
  }

  private PolicyId eventPolicy(TwinEvent event) {
    JsonValue v = event.value();
    if (event.path().isEmpty() && v.isObject()) {
      Optional<String> own = v.asObject().getValue(Thing.JsonFields.POLICY_ID);
      if (own.isPresent()) {
        return PolicyId.of(own.get());
      }
    }
    return twins
        .get(event.thingId())
        .map(ThingAccess::policyIdOf)
        .orElseGet(() -> CampusThings.policyId(event.thingId().getNamespace()));
  }

  private Optional<Enforcer> enforcer(Thing thing) {
    return enforcer(policyIdOf(thing));
  }

  private Optional<Enforcer> enforcer(PolicyId id) {
    return policies.enforcer(id);
  }

  private static ResourceKey key(JsonPointer path) {
    return PoliciesResourceType.thingResource(path);
  }
}
