package io.greentwin.twin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonMergePatch;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonParseException;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonRuntimeException;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Attributes;
import org.eclipse.ditto.things.model.Features;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingIdNotExplicitlySettableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingMergeInvalidException;

/**
 * The pure transitions of a twin: a write against the current state gives an event ({@link
 * #decide}), and an event applied to a state gives the next state ({@link #apply}). Live writes and
 * journal replay go through the same {@code apply}, so a recovered twin is exactly the twin that
 * was acknowledged. State is Ditto's immutable {@link Thing}, carrying revision, created and
 * modified.
 */
public final class TwinTransitions {
  private static final JsonPointer ROOT = JsonPointer.empty();

  private TwinTransitions() {}

  /** A decided write: its event and the state after it (empty once the thing is deleted). */
  public record Decision(TwinEvent event, Optional<Thing> next) {}

  /**
   * The event a write causes, or Ditto's exception when it cannot apply (thing or path not found,
   * precondition failed, invalid value). The precondition is checked first.
   */
  public static Decision decide(
      Optional<Thing> current, TwinWrite w, long revision, Instant timestamp) {
    w.precondition().check(current);
    ThingId id = w.thingId();
    boolean root = w.path().isEmpty();
    if (current.isEmpty() && !(root && w.kind() == WriteKind.PUT)) {
      throw TwinErrors.notFound(id, ROOT);
    }
    requireFeature(current, w);
    EventKind kind =
        switch (w.kind()) {
          case PUT ->
              current.isEmpty() || !exists(current.get(), w.path())
                  ? EventKind.CREATED
                  : EventKind.MODIFIED;
          case MERGE -> EventKind.MERGED;
          case DELETE -> {
            if (!root && !exists(current.get(), w.path())) {
              throw TwinErrors.notFound(id, w.path());
            }
            yield EventKind.DELETED;
          }
        };
    JsonValue value = w.kind() == WriteKind.DELETE ? JsonValue.nullLiteral() : w.value();
    if (root && kind == EventKind.CREATED) {
      value = rootValue(id, value);
    }
    TwinEvent event = new TwinEvent(id, kind, w.path(), value, revision, timestamp, w.originator());
    // Applying validates: an event that cannot apply is never journaled.
    Optional<Thing> next = apply(current, event);
    if (next.isPresent() && !next.get().getEntityId().map(id::equals).orElse(false)) {
      throw ThingIdNotExplicitlySettableException.forPutOrPatchMethod().build();
    }
    return new Decision(event, next);
  }

  /** The state after an event: empty when the whole thing was deleted. */
  public static Optional<Thing> apply(Optional<Thing> current, TwinEvent e) {
    if (e.kind() == EventKind.DELETED && e.path().isEmpty()) {
      return Optional.empty();
    }
    if (current.isPresent()) {
      Thing fast = FastPaths.apply(current.get(), e);
      if (fast != null) {
        return Optional.of(stamp(fast, current, e));
      }
    }
    return Optional.of(stamp(applyGeneric(current, e), current, e));
  }

  /** The generic transition: the event applied to the thing's JSON, parsed back. */
  static Thing applyGeneric(Optional<Thing> current, TwinEvent e) {
    return parse(applyToJson(current.map(Thing::toJson), e).orElseThrow());
  }

  /**
   * The state after a run of journaled events, in revision order: the same thing as {@link #apply}
   * event by event, but the JSON is changed per event and parsed once at the end, which makes
   * replaying history (point-in-time reads, snapshots) several times faster. The events must have
   * been accepted by {@link #decide}; intermediate states are not validated again.
   */
  public static Optional<Thing> replay(Optional<Thing> start, List<TwinEvent> events) {
    if (events.isEmpty()) {
      return start;
    }
    Optional<JsonObject> json = start.map(Thing::toJson);
    Instant created = start.flatMap(Thing::getCreated).orElse(null);
    for (TwinEvent e : events) {
      if (json.isEmpty()) {
        created = e.timestamp();
      }
      json = applyToJson(json, e);
    }
    TwinEvent last = events.get(events.size() - 1);
    Instant createdAt = created;
    return json.map(j -> stampAt(parse(j), last, createdAt));
  }

  /**
   * The thing's JSON (regular fields) after an event: empty when the whole thing was deleted.
   * Throws Ditto's exception when the event cannot apply to the JSON.
   */
  public static Optional<JsonObject> applyToJson(Optional<JsonObject> before, TwinEvent e) {
    if (e.kind() == EventKind.DELETED && e.path().isEmpty()) {
      return Optional.empty();
    }
    JsonObject b = before.orElse(JsonObject.empty());
    return Optional.of(
        switch (e.kind()) {
          case CREATED, MODIFIED ->
              e.path().isEmpty()
                  ? rootValue(e.thingId(), e.value()).asObject()
                  : b.setValue(e.path(), e.value());
          case MERGED -> merge(b, e);
          case DELETED -> b.remove(e.path());
        });
  }

  private static Thing stampAt(Thing thing, TwinEvent e, Instant created) {
    return stamped(thing, e.revision(), created, e.timestamp());
  }

  private static Thing stamp(Thing thing, Optional<Thing> before, TwinEvent e) {
    Instant created = before.flatMap(Thing::getCreated).orElse(e.timestamp());
    return stamped(thing, e.revision(), created, e.timestamp());
  }

  /**
   * The thing with a revision and its created and modified times. Ditto's builder would copy the
   * attributes and features and validate every key of them again; the stamp changes neither, so it
   * is set on the thing without them, and they are put back as they are (the same objects).
   */
  static Thing stamped(Thing thing, long revision, Instant created, Instant modified) {
    Thing stamped =
        thing.removeAttributes().removeFeatures().toBuilder()
            .setRevision(revision)
            .setCreated(created)
            .setModified(modified)
            .build();
    Optional<Attributes> attributes = thing.getAttributes();
    Optional<Features> features = thing.getFeatures();
    if (attributes.isPresent()) {
      stamped = stamped.setAttributes(attributes.get());
    }
    return features.isPresent() ? stamped.setFeatures(features.get()) : stamped;
  }

  /** Below a feature (its properties, definition...), Ditto needs the feature to exist. */
  private static void requireFeature(Optional<Thing> current, TwinWrite w) {
    JsonPointer p = w.path();
    if (current.isEmpty()
        || w.kind() == WriteKind.DELETE
        || p.getLevelCount() < 3
        || !"features".equals(p.get(0).map(Object::toString).orElse(""))) {
      return;
    }
    String featureId = p.get(1).orElseThrow().toString();
    if (current.get().getFeatures().flatMap(fs -> fs.getFeature(featureId)).isEmpty()) {
      throw TwinErrors.notFound(w.thingId(), JsonPointer.of("/features/" + featureId));
    }
  }

  /** True when the path exists in the thing's JSON. */
  public static boolean exists(Thing thing, JsonPointer path) {
    if (path.isEmpty()) {
      return true;
    }
    Boolean fast = FastPaths.exists(thing, path);
    return fast != null ? fast : thing.toJson().getValue(path).isPresent();
  }

  private static JsonObject merge(JsonObject before, TwinEvent e) {
    JsonValue merged = JsonMergePatch.of(e.path(), e.value()).applyOn(before);
    if (!merged.isObject()) {
      throw ThingMergeInvalidException.newBuilder().build();
    }
    return merged.asObject();
  }

  private static JsonValue rootValue(ThingId id, JsonValue value) {
    if (!value.isObject()) {
      throw invalid("The thing must be a JSON object.");
    }
    JsonObject o = value.asObject();
    var given = o.getValue(Thing.JsonFields.ID);
    if (given.isPresent() && !given.get().equals(id.toString())) {
      throw ThingIdNotExplicitlySettableException.forDittoProtocol().build();
    }
    return o.set(Thing.JsonFields.ID, id.toString())
        .set(Thing.JsonFields.NAMESPACE, id.getNamespace());
  }

  private static DittoJsonException invalid(String message) {
    return new DittoJsonException(JsonParseException.newBuilder().message(message).build());
  }

  private static Thing parse(JsonObject json) {
    try {
      return ThingsModelFactory.newThing(json);
    } catch (DittoRuntimeException e) {
      throw e;
    } catch (JsonRuntimeException | IllegalArgumentException | NullPointerException e) {
      throw e instanceof JsonRuntimeException jre
          ? new DittoJsonException(jre)
          : invalid(String.valueOf(e.getMessage()));
    }
  }
}
