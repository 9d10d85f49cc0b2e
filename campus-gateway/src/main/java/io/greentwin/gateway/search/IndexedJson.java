package io.greentwin.gateway.search;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.json.JsonField;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;

/**
 * A thing's JSON with every value, nested ones included, indexed by its path ({@code
 * attributes/building}, {@code features/power/properties/kw}): a lookup is one hash probe, where
 * walking Ditto's JSON object by pointer costs several hundred nanoseconds. Built once per revision
 * of a twin (see {@link ThingJsonCache}); immutable.
 *
 * <p>A search probes ~10,000 twins' indexes, so a probe is laid out for memory, not generality: an
 * open-addressing table of parallel key and value arrays at most half full, and paths interned, as
 * are {@link FieldPath}'s keys, so a hit is settled by identity — a probe reads one slot of each
 * array and the value, never a map node or the stored key's characters. Interned strings no longer
 * referenced are collected.
 */
public final class IndexedJson {
  private final JsonObject json;
  private final String[] keys;
  private final JsonValue[] values;
  private final int mask;

  private IndexedJson(JsonObject json, String[] keys, JsonValue[] values) {
    this.json = json;
    this.keys = keys;
    this.values = values;
    this.mask = keys.length - 1;
  }

  public static IndexedJson of(JsonObject json) {
    List<String> paths = new ArrayList<>(64);
    List<JsonValue> found = new ArrayList<>(64);
    add(paths, found, "", json);
    int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, paths.size()) * 2 - 1) << 1);
    String[] keys = new String[capacity];
    JsonValue[] values = new JsonValue[capacity];
    for (int n = 0; n < paths.size(); n++) {
      String path = paths.get(n);
      int i = slot(path, capacity - 1);
      while (keys[i] != null) {
        i = (i + 1) & (capacity - 1);
      }
      keys[i] = path;
      values[i] = found.get(n);
    }
    return new IndexedJson(json, keys, values);
  }

  public JsonObject json() {
    return json;
  }

  /** The value at a path without leading slash, or null when absent. */
  JsonValue get(String path) {
    for (int i = slot(path, mask); ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return null;
      }
      if (k == path || k.equals(path)) {
        return values[i];
      }
    }
  }

  private static int slot(String path, int mask) {
    int h = path.hashCode() * 0x9E3779B9; // Fibonacci hashing: spreads similar paths' hashes
    return (h ^ (h >>> 16)) & mask;
  }

  private static void add(List<String> paths, List<JsonValue> found, String prefix, JsonObject o) {
    for (JsonField field : o) {
      String path = prefix.isEmpty() ? field.getKeyName() : prefix + '/' + field.getKeyName();
      JsonValue value = field.getValue();
      paths.add(path.intern());
      found.add(value);
      if (value.isObject()) {
        add(paths, found, path, value.asObject());
      }
    }
  }
}
