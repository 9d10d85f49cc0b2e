package io.greentwin.gateway.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;

/**
 * Ditto's {@code fields} selection on a thing or a part of it, including the {@code _revision},
 * {@code _created}, {@code _modified} special fields and a {@code *} wildcard level (e.g. {@code
 * features/*&#47;properties/supplyTempC}), expanded against the JSON at hand.
 */
final class FieldSelection {
  private static final String WILDCARD = "*";

  private FieldSelection() {}

  /** The thing's JSON as Ditto answers a retrieve: regular fields, or the selected ones. */
  static JsonObject thing(Thing thing, Optional<JsonFieldSelector> fields) {
    if (fields.isEmpty()) {
      return thing.toJson();
    }
    return select(thing.toJson(JsonSchemaVersion.V_2, FieldType.regularOrSpecial()), fields.get());
  }

  /** The value with the selection applied when it is an object and a selection was given. */
  static JsonValue value(JsonValue value, Optional<JsonFieldSelector> fields) {
    return fields.isPresent() && value.isObject() ? select(value.asObject(), fields.get()) : value;
  }

  static JsonObject select(JsonObject json, JsonFieldSelector selector) {
    List<JsonPointer> expanded = new ArrayList<>();
    for (JsonPointer p : selector.getPointers()) {
      expand(json, JsonPointer.empty(), p, expanded);
    }
    return expanded.isEmpty()
        ? JsonObject.empty()
        : json.get(JsonFactory.newFieldSelector(expanded));
  }

  private static void expand(
      JsonObject json, JsonPointer prefix, JsonPointer rest, List<JsonPointer> out) {
    int star = indexOfWildcard(rest);
    if (star < 0) {
      out.add(prefix.append(rest));
      return;
    }
    JsonPointer head = prefix.append(rest.getPrefixPointer(star).orElse(JsonPointer.empty()));
    JsonPointer tail = rest.getSubPointer(star + 1).orElse(JsonPointer.empty());
    JsonValue at = head.isEmpty() ? json : json.getValue(head).orElse(JsonValue.nullLiteral());
    if (!at.isObject()) {
      return;
    }
    for (JsonKey key : at.asObject().getKeys()) {
      expand(json, head.addLeaf(key), tail, out);
    }
  }

  private static int indexOfWildcard(JsonPointer p) {
    for (int i = 0; i < p.getLevelCount(); i++) {
      if (p.get(i).map(k -> k.toString().equals(WILDCARD)).orElse(false)) {
        return i;
      }
    }
    return -1;
  }
}
