package io.greentwin.gateway.history;

import io.greentwin.twin.TwinEvent;
import java.util.Optional;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;

/**
 * What one event does to the value at one path of a thing, read from the event alone (no replay of
 * the thing): an event at the path or above it (a whole feature, a whole thing, a merge patch)
 * sets, replaces or removes the value; an event below it makes the value an object; other events
 * leave it alone. Merge patches follow RFC 7396 as Ditto applies them.
 */
final class PropertyTrack {
  /** What an event did to the tracked value. */
  sealed interface Effect permits Unchanged, Value {}

  /** The event did not touch the value. */
  record Unchanged() implements Effect {}

  /** The value after the event; empty when removed. */
  record Value(Optional<JsonValue> value) implements Effect {}

  private static final Effect UNCHANGED = new Unchanged();
  private static final Effect REMOVED = new Value(Optional.empty());

  private final JsonPointer path;

  PropertyTrack(JsonPointer path) {
    this.path = path;
  }

  Effect apply(TwinEvent e) {
    JsonPointer at = e.path();
    if (isPrefix(at, path)) {
      JsonPointer rest = relative(at, path);
      return switch (e.kind()) {
        case CREATED, MODIFIED ->
            new Value(rest.isEmpty() ? Optional.of(e.value()) : valueAt(e.value(), rest));
        case DELETED -> REMOVED;
        case MERGED -> merged(e.value(), rest);
      };
    }
    // an event below the path makes the value an object (or leaves it one)
    return isPrefix(path, at) ? new Value(Optional.of(JsonObject.empty())) : UNCHANGED;
  }

  private static Optional<JsonValue> valueAt(JsonValue v, JsonPointer rest) {
    return v.isObject() ? v.asObject().getValue(rest) : Optional.empty();
  }

  /** The effect of a merge patch given at an ancestor of (or at) the tracked path. */
  private static Effect merged(JsonValue patch, JsonPointer rest) {
    JsonValue cur = patch;
    for (int i = 0; i < rest.getLevelCount(); i++) {
      if (!cur.isObject()) {
        return REMOVED; // null deletes an ancestor, a scalar replaces it
      }
      var next = cur.asObject().getValue(rest.get(i).orElseThrow());
      if (next.isEmpty()) {
        return UNCHANGED;
      }
      cur = next.get();
    }
    if (cur.isNull()) {
      return REMOVED;
    }
    return new Value(Optional.of(cur));
  }

  private static boolean isPrefix(JsonPointer prefix, JsonPointer p) {
    int n = prefix.getLevelCount();
    if (n > p.getLevelCount()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!prefix.get(i).equals(p.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static JsonPointer relative(JsonPointer prefix, JsonPointer p) {
    return p.getSubPointer(prefix.getLevelCount()).orElse(JsonPointer.empty());
  }
}
