package io.greentwin.gateway.search;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.ditto.json.JsonField;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;

/**
 * A thing's JSON with every value, nested ones included, indexed by its path ({@code
 * attributes/building}, {@code features/power/properties/kw}): a lookup is one hash probe, where
 * walking Ditto's JSON object by pointer costs several hundred nanoseconds. Built once per revision
 * of a twin (see {@link ThingJsonCache}); immutable. Paths are interned, as are {@link FieldPath}'s
 * keys: a search probes ~10,000 twins' indexes, and a probe whose key is the very string in the
 * index is settled by identity, without reading the stored key's characters from memory (a cache
 * miss per twin and clause). Interned strings no longer referenced are collected.
 */
public final class IndexedJson {
  private final JsonObject json;
  private final Map<String, JsonValue> index;

  private IndexedJson(JsonObject json, Map<String, JsonValue> index) {
    this.json = json;
    this.index = index;
  }

  public static IndexedJson of(JsonObject json) {
    Map<String, JsonValue> index = new HashMap<>(64);
    add(index, "", json);
    return new IndexedJson(json, index);
  }

  public JsonObject json() {
    return json;
  }

  /** The value at a path without leading slash, or null when absent. */
  JsonValue get(String path) {
    return index.get(path);
  }

  private static void add(Map<String, JsonValue> index, String prefix, JsonObject object) {
    for (JsonField field : object) {
      String path = prefix.isEmpty() ? field.getKeyName() : prefix + '/' + field.getKeyName();
      JsonValue value = field.getValue();
      index.put(path.intern(), value);
      if (value.isObject()) {
        add(index, path, value.asObject());
      }
    }
  }
}
