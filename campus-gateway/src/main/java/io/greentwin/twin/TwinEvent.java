package io.greentwin.twin;

import java.time.Instant;
import java.util.Objects;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * A change that happened to a twin, as journaled: the thing, what happened at which path with which
 * value (the full thing for {@code created} at {@code /}, the patch for {@code merged}), the
 * thing's revision after the change, when, and by whom. Replaying a thing's events in revision
 * order rebuilds it exactly ({@link TwinTransitions#apply}).
 */
public record TwinEvent(
    ThingId thingId,
    EventKind kind,
    JsonPointer path,
    JsonValue value,
    long revision,
    Instant timestamp,
    String originator) {

  public TwinEvent {
    Objects.requireNonNull(thingId, "thingId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(timestamp, "timestamp");
    value = value == null ? JsonValue.nullLiteral() : value;
    originator = originator == null ? "" : originator;
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1 but was " + revision);
    }
  }
}
