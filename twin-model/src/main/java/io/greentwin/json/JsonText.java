package io.greentwin.json;

import org.eclipse.ditto.json.JsonField;
import org.eclipse.ditto.json.JsonValue;

/**
 * JSON text written in one pass into one buffer, for what is rendered thousands of times a second
 * (sync commands, twin snapshots). Ditto's own {@code toString()} renders every nested object to a
 * string of its own first and keeps it (soft-referenced) with the object, which costs a copy per
 * level and garbage that outlives young collections; the text here is the same JSON.
 */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Appends {@code s} as a JSON string (RFC 8259: quote, backslash and controls escaped). */
  public static StringBuilder quote(StringBuilder json, String s) {
    json.append('"');
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        json.append(s, from, i);
        from = i + 1;
        if (c < 0x20) {
          json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
          json.append('\\').append(c);
        }
      }
    }
    return json.append(s, from, s.length()).append('"');
  }

  /** Appends a value as JSON text. */
  public static StringBuilder write(StringBuilder json, JsonValue value) {
    if (value.isNull()) { // before isObject: Ditto's null literal is also a null object
      return json.append("null");
    }
    if (value.isObject()) {
      json.append('{');
      boolean first = true;
      for (JsonField field : value.asObject()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        quote(json, field.getKeyName()).append(':');
        write(json, field.getValue());
      }
      return json.append('}');
    }
    if (value.isArray()) {
      json.append('[');
      boolean first = true;
      for (JsonValue element : value.asArray()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        write(json, element);
      }
      return json.append(']');
    }
    if (value.isString()) {
      return quote(json, value.asString());
    }
    return json.append(value); // numbers and booleans: Ditto's own literal
  }

  /** A value as JSON text. */
  public static String of(JsonValue value) {
    return write(new StringBuilder(value.isObject() || value.isArray() ? 512 : 16), value)
        .toString();
  }
}
