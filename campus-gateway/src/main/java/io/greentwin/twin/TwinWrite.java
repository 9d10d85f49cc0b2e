package io.greentwin.twin;

import java.util.Objects;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * One write to one twin: what to do at which path below the thing (e.g. {@code
 * /features/coolant/properties/supplyTempC}, or {@code /} for the whole thing) with which value,
 * under which precondition, by whom.
 */
public record TwinWrite(
    ThingId thingId,
    WriteKind kind,
    JsonPointer path,
    JsonValue value,
    Precondition precondition,
    String originator) {

  public TwinWrite {
    Objects.requireNonNull(thingId, "thingId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    value = value == null ? JsonValue.nullLiteral() : value;
    precondition = precondition == null ? Precondition.NONE : precondition;
    originator = originator == null ? "" : originator;
  }

  public static TwinWrite put(ThingId id, JsonPointer path, JsonValue value, String originator) {
    return new TwinWrite(id, WriteKind.PUT, path, value, Precondition.NONE, originator);
  }

  public static TwinWrite merge(ThingId id, JsonPointer path, JsonValue patch, String originator) {
    return new TwinWrite(id, WriteKind.MERGE, path, patch, Precondition.NONE, originator);
  }

  public static TwinWrite delete(ThingId id, JsonPointer path, String originator) {
    return new TwinWrite(id, WriteKind.DELETE, path, null, Precondition.NONE, originator);
  }

  /** The same write under a precondition. */
  public TwinWrite when(Precondition p) {
    return new TwinWrite(thingId, kind, path, value, p, originator);
  }
}
