package io.greentwin.campus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampusSchemaTest {
  private static JsonNode schema() throws IOException {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void schemaIsValidJsonSchema202012() throws IOException {
    JsonSchema meta =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SchemaId.V202012));

    assertThat(meta.validate(schema())).isEmpty();
  }

  @Test
  void schemaDescribesExactlyTheFieldsOfTheConfigRecords() throws IOException {
    SchemaText text = new SchemaText(schema());
    List<String> mismatches = new ArrayList<>();

    compare(CampusConfig.class, schema(), text, "", mismatches);

    assertThat(mismatches).isEmpty();
  }

  @Test
  void everySchemaPropertyHasADescriptionOrAReference() throws IOException {
    List<String> bare = new ArrayList<>();
    for (JsonNode object : schema().findParents("properties")) {
      for (var property : object.get("properties").properties()) {
        if (!property.getValue().has("description") && !property.getValue().has("$ref")) {
          bare.add(property.getKey());
        }
      }
    }

    assertThat(bare).isEmpty();
  }

  /** Record components and schema properties must match, recursively through records and lists. */
  private static void compare(
      Class<?> record, JsonNode schema, SchemaText text, String path, List<String> mismatches) {
    JsonNode object = resolve(schema, text);
    List<String> properties = new ArrayList<>();
    object.path("properties").fieldNames().forEachRemaining(properties::add);
    List<String> components = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      components.add(c.getName());
      JsonNode property = object.path("properties").path(c.getName());
      Class<?> nested = nestedRecord(c.getGenericType());
      if (nested != null && !property.isMissingNode()) {
        JsonNode target = resolve(property, text);
        compare(
            nested,
            target.has("items") ? target.get("items") : target,
            text,
            path + c.getName() + ".",
            mismatches);
      }
    }
    if (!properties.equals(components)) {
      mismatches.add(
          path + record.getSimpleName() + ": schema " + properties + " vs record " + components);
    }
  }

  private static JsonNode resolve(JsonNode schema, SchemaText text) {
    JsonNode node = schema;
    while (node.has("$ref")) {
      List<Object> path =
          new ArrayList<>(List.of(node.get("$ref").asText().substring(2).split("/")));
      node = text.at(path);
    }
    return node;
  }

  private static Class<?> nestedRecord(Type type) {
    Type t = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : type;
    return t instanceof Class<?> c && c.isRecord() ? c : null;
  }
}
