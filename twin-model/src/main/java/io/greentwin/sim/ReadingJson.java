package io.greentwin.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Parses one reading from its JSON wire form (docs/SENSOR-FORMAT.md), strictly: every field present
 * with the right type, no unknown field. Errors are {@code reading:invalid} with a reason fit for a
 * dead-letter store.
 */
public final class ReadingJson {
  private static final Set<String> FIELDS =
      Set.of("thingId", "feature", "property", "value", "unit", "eventTime", "seq");
  private final ObjectMapper mapper = new ObjectMapper();

  /** Parses a line, or throws {@code reading:invalid} saying what is wrong. */
  public Reading parse(String line) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      throw invalid("malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw invalid("a reading must be a JSON object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw invalid("unknown field '" + f + "'; allowed: " + FIELDS);
      }
    }
    JsonNode value = node.get("value");
    if (value == null || !value.isNumber()) {
      throw invalid("'value' must be a number");
    }
    JsonNode seq = node.get("seq");
    if (seq == null || !seq.canConvertToExactIntegral() || seq.asLong() < 0) {
      throw invalid("'seq' must be a non-negative integer");
    }
    return new Reading(
        text(node, "thingId"),
        text(node, "feature"),
        text(node, "property"),
        value.asDouble(),
        text(node, "unit"),
        time(text(node, "eventTime")),
        seq.asLong());
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw invalid("'" + field + "' must be a non-empty string");
    }
    return v.asText();
  }

  private static Instant time(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw invalid("'eventTime' must be an ISO-8601 UTC instant but was '" + s + "'");
    }
  }

  private static GreenTwinException invalid(String reason) {
    return new GreenTwinException(
        ErrorCode.READING_INVALID, reason, "invalid sensor reading", null);
  }
}
