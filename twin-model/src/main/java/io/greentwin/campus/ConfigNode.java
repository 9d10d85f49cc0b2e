package io.greentwin.campus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.serialization.node.JsonLocationAware;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the parsed config tree with its path ({@code buildings[0].halls[1]}) and YAML location,
 * so that every check can name where a problem is. A missing child keeps its parent's location.
 * Reads are lenient: a value of the wrong type reads as absent (the schema reports it).
 */
record ConfigNode(JsonNode node, String path, JsonLocation location) {
  static final String ROOT = "(root)";

  static ConfigNode root(JsonNode tree) {
    JsonNode node = tree == null ? MissingNode.getInstance() : tree;
    return new ConfigNode(node, ROOT, locationOf(node));
  }

  /** The child field; a missing node when absent. */
  ConfigNode get(String field) {
    JsonNode child = node.isObject() ? node.path(field) : MissingNode.getInstance();
    return child(child, ROOT.equals(path) ? field : path + "." + field);
  }

  /** The array's elements, {@code path[i]}; empty when this is not an array. */
  List<ConfigNode> items() {
    List<ConfigNode> items = new ArrayList<>();
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      items.add(child(node.get(i), path + "[" + i + "]"));
    }
    return items;
  }

  /** The node at a path of field names (String) and array indexes (Integer). */
  ConfigNode at(List<Object> elements) {
    ConfigNode at = this;
    for (Object e : elements) {
      at = e instanceof Integer i ? at.element(i) : at.get(String.valueOf(e));
    }
    return at;
  }

  /** The text value, or null when absent or not a string. */
  String text() {
    return node.isTextual() ? node.textValue() : null;
  }

  /** True when a number is present. */
  boolean isNumber() {
    return node.isNumber();
  }

  double number() {
    return node.asDouble();
  }

  /** True when the field is present (even as null). */
  boolean present() {
    return !node.isMissingNode();
  }

  int line() {
    return location == null ? 0 : location.getLineNr();
  }

  int column() {
    return location == null ? 0 : location.getColumnNr();
  }

  /** A problem located at this node. */
  ConfigProblem problem(String problem, String allowed) {
    return new ConfigProblem(path, line(), column(), problem, allowed);
  }

  private ConfigNode element(int index) {
    JsonNode child = node.isArray() ? node.path(index) : MissingNode.getInstance();
    return child(child, path + "[" + index + "]");
  }

  private ConfigNode child(JsonNode child, String childPath) {
    JsonLocation own = locationOf(child);
    return new ConfigNode(child, childPath, own == null ? location : own);
  }

  /** Where a node was read, when parsed with location tracking; else null. */
  static JsonLocation locationOf(JsonNode node) {
    return node instanceof JsonLocationAware aware ? aware.tokenLocation() : null;
  }
}
