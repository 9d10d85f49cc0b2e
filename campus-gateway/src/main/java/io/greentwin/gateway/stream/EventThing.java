package io.greentwin.gateway.stream;

import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonRuntimeException;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * An event "normalized" to the thing JSON Ditto sends over SSE: for a change below the thing only
 * the changed part, placed where it lives in the thing, beside {@code thingId}, with the event's
 * revision and timestamp as {@code _revision} and {@code _modified}. A merge sends the patch
 * without its {@code null}s, a deletion just the thing's id. This is what Ditto's {@code
 * ThingEventToThingConverter} does (a test pins the two together), also covering the feature
 * definition and desired-property events Ditto 2.4's converter leaves out.
 */
public final class EventThing {
  private EventThing() {}

  /** The changed part of the thing as a Thing. */
  public static Thing of(TwinEvent e) {
    JsonObject changed;
    try {
      changed = changedPart(e);
    } catch (JsonRuntimeException | DittoRuntimeException | IllegalArgumentException ex) {
      changed = JsonObject.empty();
    }
    JsonObject json =
        JsonFactory.newObjectBuilder(changed)
            .set(Thing.JsonFields.ID, e.thingId().toString())
            .build();
    Thing thing = parse(json, e);
    var builder = thing.toBuilder().setRevision(e.revision()).setModified(e.timestamp());
    if (e.kind() == EventKind.CREATED && e.path().isEmpty()) {
      builder.setCreated(e.timestamp());
    }
    return builder.build();
  }

  private static JsonObject changedPart(TwinEvent e) {
    JsonValue value = e.value();
    return switch (e.kind()) {
      case CREATED, MODIFIED ->
          e.path().isEmpty() ? value.asObject() : JsonFactory.newObject(e.path(), value);
      case MERGED -> {
        JsonValue withoutNulls = withoutNulls(value);
        yield e.path().isEmpty()
            ? (withoutNulls.isObject() ? withoutNulls.asObject() : JsonObject.empty())
            : JsonFactory.newObject(e.path(), withoutNulls);
      }
      case DELETED -> JsonObject.empty();
    };
  }

  private static JsonValue withoutNulls(JsonValue value) {
    if (value.isNull()) {
      return JsonObject.empty();
    } else if (!value.isObject()) {
      return value;
    }
    JsonObjectBuilder b = JsonFactory.newObjectBuilder();
    for (var field : value.asObject()) {
      if (!field.getValue().isNull()) {
        b.set(field.getKey(), withoutNulls(field.getValue()));
      }
    }
    return b.build();
  }

  private static Thing parse(JsonObject json, TwinEvent e) {
    try {
      return ThingsModelFactory.newThing(json);
    } catch (JsonRuntimeException | DittoRuntimeException | IllegalArgumentException ex) {
      return Thing.newBuilder().setId(e.thingId()).build();
    }
  }
}
