package io.greentwin.campus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.things.model.ThingId;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and validates {@code campus.yaml}, in order: the file is readable; the YAML is well formed
 * (line and column of the first syntax error); it matches {@code config/campus.schema.json}; the
 * {@link SemanticCheck}s pass; it binds to {@link CampusConfig}; and every expanded thing id is a
 * unique, valid Ditto id. Schema and semantic problems are collected together, so one run reports
 * everything wrong; they are thrown as one {@link GreenTwinException} ({@link
 * ErrorCode#CONFIG_INVALID}) whose message has one line per problem: {@code file:line:column: path:
 * problem; allowed: what is allowed}.
 */
public final class CampusLoader {
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private final SchemaCheck schema = new SchemaCheck();

  /** Loads and validates a campus config file. */
  public CampusConfig load(Path file) {
    return loadCampus(file).config();
  }

  /** Loads and validates a campus config file and expands it into every asset. */
  public Campus loadCampus(Path file) {
    JsonNode tree = parse(file);
    throwIfAny(file, problems(tree));
    Campus campus = CampusExpander.expand(bind(file, tree));
    throwIfAny(file, thingIds(campus));
    return campus;
  }

  /** Schema problems, then the semantic ones at paths the schema has not already reported. */
  private List<ConfigProblem> problems(JsonNode tree) {
    if (tree.isMissingNode()) {
      return List.of(
          new ConfigProblem(
              ConfigNode.ROOT, 0, 0, "the file is empty", "a campus as in config/campus.yaml"));
    }
    List<ConfigProblem> problems = new ArrayList<>(schema.check(tree));
    Set<String> reported = new HashSet<>();
    problems.forEach(p -> reported.add(p.path()));
    SemanticCheck.check(tree).stream()
        .filter(p -> !reported.contains(p.path()))
        .forEach(problems::add);
    return problems;
  }

  JsonNode parse(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      String why = Files.exists(file) ? "not a readable file" : "no such file";
      throw new GreenTwinException(
          ErrorCode.CONFIG_NOT_FOUND, file + ": " + why, "campus config not found", null);
    }
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = yaml.getFactory().createParser(in)) {
      // Nodes that remember their line and column, so problems can say where they are.
      JsonNodeFactory nodes =
          LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(parser);
      JsonNode tree = yaml.reader(nodes).readTree(parser);
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (JsonProcessingException e) {
      throw invalid(file, List.of(syntaxProblem(e)));
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_NOT_FOUND, file + ": cannot read: " + e.getMessage(), null, e);
    }
  }

  private CampusConfig bind(Path file, JsonNode tree) {
    try {
      return yaml.treeToValue(tree, CampusConfig.class);
    } catch (JsonMappingException e) {
      throw invalid(file, List.of(bindingProblem(e)));
    } catch (JsonProcessingException e) {
      throw invalid(file, List.of(syntaxProblem(e)));
    }
  }

  private static ConfigProblem syntaxProblem(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return new ConfigProblem(
        "(yaml)",
        at == null ? 0 : at.getLineNr(),
        at == null ? 0 : at.getColumnNr(),
        "YAML syntax error: " + yamlMessage(e),
        "well-formed YAML: 'key: value' mappings indented with spaces, '- ' list items, each key"
            + " once per mapping");
  }

  /** SnakeYAML's problem and context without its source snippets; else Jackson's message. */
  private static String yamlMessage(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
      String context = m.getContext() == null ? "" : " (" + m.getContext();
      if (!context.isEmpty() && m.getContextMark() != null) {
        context += " that starts at line " + (m.getContextMark().getLine() + 1);
      }
      return m.getProblem() + (context.isEmpty() ? "" : context + ")");
    }
    return e.getOriginalMessage().replaceAll("\\s+", " ").trim();
  }

  private static ConfigProblem bindingProblem(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    JsonLocation at = e.getLocation();
    return new ConfigProblem(
        path.length() == 0 ? ConfigNode.ROOT : path.toString(),
        at == null ? 0 : at.getLineNr(),
        at == null ? 0 : at.getColumnNr(),
        e.getOriginalMessage().replaceAll("\\s+", " ").trim(),
        "what config/campus.schema.json describes");
  }

  /** Every expanded thing id must be a valid Ditto id, and unique. */
  private static List<ConfigProblem> thingIds(Campus campus) {
    List<ConfigProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Asset a : campus.assets()) {
      String where = "expanded " + a.kind().name().toLowerCase(Locale.ROOT) + " '" + a.id() + "'";
      try {
        ThingId.of(a.id());
      } catch (DittoRuntimeException e) {
        problems.add(
            new ConfigProblem(
                where, 0, 0, "not a valid Ditto thing id: " + e.getMessage(), "namespace:name"));
      }
      if (!seen.add(a.id())) {
        problems.add(
            new ConfigProblem(
                where, 0, 0, "thing id generated twice", "ids that expand to distinct names"));
      }
    }
    return problems;
  }

  private static void throwIfAny(Path file, List<ConfigProblem> problems) {
    if (!problems.isEmpty()) {
      throw invalid(file, problems);
    }
  }

  private static GreenTwinException invalid(Path file, List<ConfigProblem> problems) {
    List<String> lines = new ArrayList<>();
    lines.add(file + ": invalid campus config, " + count(problems.size()) + ":");
    problems.stream()
        .sorted(ConfigProblem.IN_FILE_ORDER)
        .forEach(p -> lines.add(p.format(file.toString())));
    return new GreenTwinException(
        ErrorCode.CONFIG_INVALID,
        String.join("\n", lines),
        "campus config " + file + " has " + count(problems.size()),
        null);
  }

  private static String count(int n) {
    return n + (n == 1 ? " problem" : " problems");
  }
}
