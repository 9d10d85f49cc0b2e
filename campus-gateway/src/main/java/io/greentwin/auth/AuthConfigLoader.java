package io.greentwin.auth;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.node.JsonLocationAware;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.sim.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates {@code config/gateway.yaml}: well-formed YAML, then {@code
 * config/gateway.schema.json}, then what a schema cannot say (unique user names, the token
 * lifetime). Every problem is reported at once, one line each, {@code file:line:column: field: what
 * is wrong; allowed: what would be}, in one {@link GreenTwinException} with {@link
 * ErrorCode#CONFIG_INVALID}.
 */
public final class AuthConfigLoader {
  static final String SCHEMA_RESOURCE = "gateway.schema.json";

  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private final JsonNode schemaTree;
  private final JsonSchema schema;

  public AuthConfigLoader() {
    this.schemaTree = readSchema();
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
  }

  /** Loads and validates a gateway config file. */
  public AuthConfig load(Path file) {
    JsonNode tree = parse(file);
    if (tree.isMissingNode() || tree.isNull()) {
      return AuthConfig.DEFAULT; // an empty file asks for nothing
    }
    List<Problem> problems = new ArrayList<>();
    for (ValidationMessage m : schema.validate(tree)) {
      problems.add(schemaProblem(tree, m));
    }
    semanticProblems(tree, problems);
    if (!problems.isEmpty()) {
      problems.sort(Problem.IN_FILE_ORDER);
      throw invalid(file, problems.stream().map(p -> p.format(file)).toList());
    }
    return bind(tree);
  }

  private JsonNode parse(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      String why = Files.exists(file) ? "not a readable file" : "no such file";
      throw new GreenTwinException(
          ErrorCode.CONFIG_NOT_FOUND, file + ": " + why, "gateway config not found", null);
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = yaml.getFactory().createParser(in)) {
      JsonNode tree =
          yaml.reader(LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(parser))
              .readTree(parser);
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw invalid(
          file,
          List.of(
              where
                  + ": (yaml): YAML syntax error: "
                  + e.getOriginalMessage().replaceAll("\\s+", " ")));
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_NOT_FOUND, file + ": cannot read: " + e.getMessage(), null, e);
    }
  }

  /** One thing wrong, where (line and column, 0 when unknown) and at which field. */
  private record Problem(int line, int column, String field, String text) {
    static final Comparator<Problem> IN_FILE_ORDER =
        Comparator.comparingInt((Problem p) -> p.line == 0 ? Integer.MAX_VALUE : p.line)
            .thenComparingInt(Problem::column);

    static Problem at(JsonNode tree, List<Object> path, String text) {
      JsonLocation loc = location(tree, path);
      return new Problem(
          loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(), path(path), text);
    }

    String format(Path file) {
      return (line > 0 ? file + ":" + line + ":" + column : file.toString())
          + ": "
          + field
          + ": "
          + text;
    }
  }

  private Problem schemaProblem(JsonNode tree, ValidationMessage m) {
    List<Object> at = elements(m.getInstanceLocation());
    boolean aboutProperty =
        ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))
            && m.getProperty() != null;
    if (aboutProperty) {
      at.add(m.getProperty());
    }
    JsonNode subschema = schemaAt(elements(m.getSchemaLocation().getFragment()));
    String problem =
        switch (m.getType()) {
          case "required" -> "missing required field";
          case "additionalProperties" -> "unknown field";
          case "not" -> "both secretEnv and secret are given";
          case "pattern" ->
              secret(at) ? "is not a bcrypt hash" : found(nodeAt(tree, at)) + " is malformed";
          case "enum" -> found(nodeAt(tree, at)) + " is not allowed";
          default -> stripPath(m.getMessage());
        };
    String allowed =
        switch (m.getType()) {
          case "additionalProperties" -> "the fields " + schemaFields(subschema);
          case "not" -> "one of them";
          case "required" -> describe(subschema.path("properties").path(m.getProperty()));
          case "enum" ->
              "one of " + values(subschema.path("enum")) + " (" + describe(subschema) + ")";
          default -> describe(subschema);
        };
    return Problem.at(tree, at, problem + "; allowed: " + allowed);
  }

  private static void semanticProblems(JsonNode tree, List<Problem> problems) {
    Set<String> names = new HashSet<>();
    JsonNode users = tree.path("users");
    for (int i = 0; i < users.size(); i++) {
      String name = users.get(i).path("name").asText();
      if (!names.add(name)) {
        problems.add(
            Problem.at(
                tree,
                List.of("users", i, "name"),
                "user '" + name + "' is listed twice; allowed: each name once"));
      }
    }
    JsonNode ttl = tree.path("jwt").path("ttl");
    if (ttl.isTextual()) {
      try {
        Duration d = Durations.parse(ttl.textValue());
        if (d.isZero() || d.isNegative()) {
          throw new IllegalArgumentException("'" + ttl.textValue() + "' is not positive");
        }
      } catch (IllegalArgumentException e) {
        problems.add(Problem.at(tree, List.of("jwt", "ttl"), e.getMessage()));
      }
    }
  }

  private static AuthConfig bind(JsonNode tree) {
    List<User> users = new ArrayList<>();
    for (JsonNode u : tree.path("users")) {
      Role role = Role.ofConfigName(u.path("role").asText()).orElseThrow();
      users.add(new User(u.path("name").asText(), role, u.path("passwordHash").asText()));
    }
    JsonNode jwt = tree.path("jwt");
    boolean ownSecret = jwt.has("secret") || jwt.has("secretEnv");
    return new AuthConfig(
        users,
        new JwtConfig(
            jwt.path("issuer").asText(JwtConfig.DEFAULT_ISSUER),
            ownSecret ? text(jwt, "secretEnv") : JwtConfig.DEFAULT_SECRET_ENV,
            text(jwt, "secret"),
            jwt.has("ttl") ? Durations.parse(jwt.get("ttl").asText()) : JwtConfig.DEFAULT_TTL));
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }

  private static GreenTwinException invalid(Path file, List<String> problems) {
    String count = problems.size() + (problems.size() == 1 ? " problem" : " problems");
    return new GreenTwinException(
        ErrorCode.CONFIG_INVALID,
        file + ": invalid gateway config, " + count + ":\n" + String.join("\n", problems),
        "gateway config " + file + " has " + count,
        null);
  }

  private static JsonLocation location(JsonNode tree, List<Object> at) {
    JsonLocation loc = null;
    JsonNode node = tree;
    for (Object e : at) {
      if (node instanceof JsonLocationAware aware) {
        loc = aware.tokenLocation();
      }
      node = e instanceof Integer i ? node.path(i) : node.path(String.valueOf(e));
    }
    if (node instanceof JsonLocationAware aware) {
      loc = aware.tokenLocation();
    }
    return loc;
  }

  /** Never echo what may be a password put where its hash belongs. */
  private static boolean secret(List<Object> at) {
    return !at.isEmpty() && "passwordHash".equals(at.get(at.size() - 1));
  }

  private static JsonNode nodeAt(JsonNode tree, List<Object> at) {
    JsonNode node = tree;
    for (Object e : at) {
      node = e instanceof Integer i ? node.path(i) : node.path(String.valueOf(e));
    }
    return node;
  }

  /** {@code users[0].role}; {@code (root)} for the document itself. */
  static String path(List<Object> at) {
    StringBuilder b = new StringBuilder();
    for (Object e : at) {
      if (e instanceof Integer i) {
        b.append('[').append(i).append(']');
      } else {
        b.append(b.length() == 0 ? "" : ".").append(e);
      }
    }
    return b.length() == 0 ? "(root)" : b.toString();
  }

  private static List<Object> elements(JsonNodePath path) {
    List<Object> elements = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      elements.add(path.getElement(i));
    }
    return elements;
  }

  /** The schema object that holds the failed keyword, following a {@code $ref} it names. */
  private JsonNode schemaAt(List<Object> keywordPath) {
    JsonNode node = nodeAt(schemaTree, keywordPath.subList(0, Math.max(0, keywordPath.size() - 1)));
    return node.has("$ref") ? schemaTree.at(node.get("$ref").asText().substring(1)) : node;
  }

  private String describe(JsonNode subschema) {
    JsonNode target =
        subschema.has("$ref")
            ? schemaTree.at(subschema.get("$ref").asText().substring(1))
            : subschema;
    String description = target.path("description").asText("");
    return description.isEmpty() ? "what config/gateway.schema.json describes" : description;
  }

  private static String schemaFields(JsonNode subschema) {
    List<String> names = new ArrayList<>();
    subschema.path("properties").fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  private static String values(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return String.join(", ", values);
  }

  private static String found(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    return value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
  }

  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
  }

  private static JsonNode readSchema() {
    try (InputStream in = AuthConfigLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new GreenTwinException(
            ErrorCode.INTERNAL, "gateway schema " + SCHEMA_RESOURCE + " is not on the classpath");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.INTERNAL, "cannot read gateway schema: " + e.getMessage(), null, e);
    }
  }
}
