package io.greentwin.campus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed campus config against {@code config/campus.schema.json} (JSON Schema 2020-12,
 * shipped on the classpath) and turns each violation into a {@link ConfigProblem} that names the
 * path, what is wrong and what the schema allows there. One problem per path: when a value breaks
 * several keywords, the most telling one is kept.
 */
final class SchemaCheck {
  /** The schema's classpath resource, beside this class (twin-model/pom.xml copies it). */
  static final String RESOURCE = "campus.schema.json";

  /** Keywords in the order their messages are preferred when one path breaks several. */
  private static final List<String> PREFERENCE =
      List.of("additionalProperties", "required", "type", "enum");

  private final SchemaText text;
  private final JsonSchema schema;

  SchemaCheck() {
    JsonNode root = readSchema();
    this.text = new SchemaText(root);
    this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
  }

  List<ConfigProblem> check(JsonNode tree) {
    ConfigNode root = ConfigNode.root(tree);
    Map<String, ValidationMessage> byPath = new LinkedHashMap<>();
    for (ValidationMessage m : schema.validate(tree)) {
      byPath.merge(instancePath(root, m).path(), m, SchemaCheck::preferred);
    }
    List<ConfigProblem> problems = new ArrayList<>();
    byPath.values().forEach(m -> problems.add(problem(root, m)));
    return problems;
  }

  private ConfigProblem problem(ConfigNode root, ValidationMessage m) {
    ConfigNode at = instancePath(root, m);
    JsonNode subschema = text.at(parent(m.getSchemaLocation().getFragment()));
    String keyword = m.getType();
    return switch (keyword) {
      case "additionalProperties" ->
          at.problem(
              "unknown field '" + m.getProperty() + "'", "the fields " + text.fields(subschema));
      case "required" ->
          at.problem(
              "missing required field '" + m.getProperty() + "'",
              m.getProperty()
                  + ": "
                  + text.describe(subschema.path("properties").path(m.getProperty())));
      case "type" ->
          at.problem(
              "expected " + text.typeOf(subschema) + " but found " + SchemaText.found(at.node()),
              text.describe(subschema));
      case "enum" ->
          at.problem(SchemaText.found(at.node()) + " is not allowed", text.describe(subschema));
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
          at.problem(SchemaText.found(at.node()) + " is out of range", text.describe(subschema));
      case "pattern" ->
          at.problem(SchemaText.found(at.node()) + " is malformed", text.describe(subschema));
      case "minItems" -> at.problem("has too few entries", text.describe(subschema));
      default -> at.problem(stripPath(m.getMessage()), text.describe(subschema));
    };
  }

  /** Where the message points: the offending property itself for unknown and missing fields. */
  private static ConfigNode instancePath(ConfigNode root, ValidationMessage m) {
    ConfigNode at = root.at(elements(m.getInstanceLocation()));
    boolean aboutProperty =
        "additionalProperties".equals(m.getType()) || "required".equals(m.getType());
    return aboutProperty && m.getProperty() != null ? at.get(m.getProperty()) : at;
  }

  private static ValidationMessage preferred(ValidationMessage a, ValidationMessage b) {
    return rank(b.getType()) < rank(a.getType()) ? b : a;
  }

  private static int rank(String keyword) {
    int i = PREFERENCE.indexOf(keyword);
    return i < 0 ? PREFERENCE.size() : i;
  }

  static List<Object> elements(JsonNodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  /** The schema location of the keyword's own schema object: the fragment minus the keyword. */
  private static List<Object> parent(JsonNodePath keyword) {
    List<Object> elements = elements(keyword);
    return elements.isEmpty() ? elements : elements.subList(0, elements.size() - 1);
  }

  /** networknt messages start with the instance path ({@code $.a.b: ...}): keep the rest. */
  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }

  private static JsonNode readSchema() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new GreenTwinException(
            ErrorCode.INTERNAL, "campus schema " + RESOURCE + " is not on the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.INTERNAL, "cannot read campus schema: " + e.getMessage(), null, e);
    }
  }
}
