package io.greentwin.campus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Says in words what a part of the campus schema allows, e.g. {@code a number from 0.75 to 0.98
 * (share f of the server's heat taken by direct liquid cooling ...)}, following {@code $ref}s.
 */
final class SchemaText {
  private final JsonNode root;

  SchemaText(JsonNode root) {
    this.root = root;
  }

  /** The schema node at a path of names and indexes from the schema root. */
  JsonNode at(List<Object> elements) {
    JsonNode node = root;
    for (Object e : elements) {
      node = e instanceof Integer i ? node.path(i) : node.path(String.valueOf(e));
    }
    return node;
  }

  /** What a subschema allows: type or values, range, pattern, then its description. */
  String describe(JsonNode schema) {
    JsonNode target = resolve(schema);
    List<String> parts = new ArrayList<>();
    if (target.has("enum")) {
      parts.add("one of " + join(target.get("enum")));
    } else {
      parts.add(article(typeOf(target)));
    }
    String range = range(target);
    if (!range.isEmpty()) {
      parts.add(range);
    }
    if (target.has("pattern")) {
      parts.add("matching " + target.get("pattern").asText());
    }
    if (target.has("maxLength")) {
      parts.add("at most " + target.get("maxLength").asText() + " characters");
    }
    if (target.has("minItems")) {
      parts.add("with at least " + target.get("minItems").asText() + " entries");
    }
    if (target.has("properties")) {
      parts.add("with the fields " + fields(target));
    }
    String description = schema.path("description").asText(target.path("description").asText());
    String text = parts.get(0) + " " + String.join(", ", parts.subList(1, parts.size()));
    text = text.trim();
    return description.isEmpty() ? text : text + " (" + description + ")";
  }

  /** The object's field names, required ones marked with {@code *}. */
  String fields(JsonNode schema) {
    JsonNode target = resolve(schema);
    List<String> names = new ArrayList<>();
    List<String> required = new ArrayList<>();
    target.path("required").forEach(r -> required.add(r.asText()));
    target
        .path("properties")
        .fieldNames()
        .forEachRemaining(f -> names.add(f + (required.contains(f) ? "*" : "")));
    return String.join(", ", names) + (required.isEmpty() ? "" : " (* required)");
  }

  /** The JSON type a subschema asks for ({@code string} for an enum of strings). */
  String typeOf(JsonNode schema) {
    JsonNode target = resolve(schema);
    if (target.has("type")) {
      return target.get("type").asText().replace("array", "list");
    }
    return target.has("enum") ? "string" : "value";
  }

  /** How a config value reads in a message: {@code 'text'}, a number, or its kind. */
  static String found(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual()) {
      return "'" + value.textValue() + "'";
    }
    if (value.isObject()) {
      return "an object";
    }
    return value.isArray() ? "a list" : value.asText();
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode target = schema;
    for (int depth = 0; depth < 8 && target.has("$ref") && !target.has("type"); depth++) {
      target = root.at(target.get("$ref").asText().substring(1));
    }
    return target;
  }

  private static String range(JsonNode s) {
    boolean min = s.has("minimum");
    boolean max = s.has("maximum");
    if (min && max) {
      return "from " + s.get("minimum").asText() + " to " + s.get("maximum").asText();
    }
    List<String> bounds = new ArrayList<>();
    bound(s, "minimum", ">=", bounds);
    bound(s, "exclusiveMinimum", ">", bounds);
    bound(s, "maximum", "<=", bounds);
    bound(s, "exclusiveMaximum", "<", bounds);
    return String.join(" and ", bounds);
  }

  private static void bound(JsonNode s, String keyword, String op, List<String> bounds) {
    if (s.has(keyword)) {
      bounds.add(op + " " + s.get(keyword).asText());
    }
  }

  private static String join(JsonNode values) {
    List<String> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asText()));
    return String.join(", ", list);
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "object" -> "an " + type;
      case "value" -> "a value";
      default -> "a " + type;
    };
  }
}
