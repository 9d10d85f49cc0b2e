package io.greentwin.gateway.ws;

import java.util.Optional;
import org.eclipse.ditto.json.JsonField;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * What a sensor gateway or the Ditto client's {@code putProperty} sends most, read without Ditto's
 * protocol adapter: a {@code things/twin/commands/modify} of one feature property ({@code
 * /features/coolant/properties/supplyTempC}) with a number, string or boolean, and headers no other
 * than a correlation id, {@code version} 2, {@code response-required} and the JSON content type.
 * Such a message is valid by construction, so the adapter's validation, headers and command are
 * skipped (they were half of what the gateway allocated per modify); anything else — other headers
 * (conditions, ETags, acknowledgements), paths, ids, keys or values the adapter would check — is
 * {@link #of empty} and takes the general way.
 *
 * @param topic the topic as sent (the response repeats it)
 * @param thingId the thing modified
 * @param featureId the feature
 * @param path the property's path from the thing's root
 * @param pathText the path as sent
 * @param value the new value
 * @param correlationId the correlation id, or null
 * @param responseRequired whether the sender awaits a response
 */
record PropertyModify(
    String topic,
    ThingId thingId,
    String featureId,
    JsonPointer path,
    String pathText,
    JsonValue value,
    String correlationId,
    boolean responseRequired)
    implements PlainMessages.Command {
  private static final String SUFFIX = "/things/twin/commands/modify";
  private static final String FEATURES = "/features/";
  private static final String PROPERTIES = "/properties/";
  private static final JsonKey PATH = JsonKey.of("path");
  private static final JsonKey VALUE = JsonKey.of("value");
  private static final JsonKey HEADERS = JsonKey.of("headers");

  /** The property modify the envelope holds, or empty when it holds anything else. */
  static Optional<PropertyModify> of(JsonObject envelope, String topic, PlainMessages.Parsed ids) {
    if (envelope.getSize() != 4 || !topic.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    Optional<JsonValue> value = envelope.getValue(VALUE).filter(PlainMessages::isScalar);
    Optional<String> path =
        envelope.getValue(PATH).filter(JsonValue::isString).map(JsonValue::asString);
    Optional<JsonObject> headers =
        envelope.getValue(HEADERS).filter(JsonValue::isObject).map(JsonValue::asObject);
    if (value.isEmpty() || path.isEmpty() || headers.isEmpty()) {
      return Optional.empty();
    }
    String p = path.get();
    int props = p.indexOf(PROPERTIES);
    if (!p.startsWith(FEATURES) || props < 0) {
      return Optional.empty();
    }
    String feature = p.substring(FEATURES.length(), props);
    String property = p.substring(props + PROPERTIES.length());
    if (!PlainMessages.isPlainName(feature) || !PlainMessages.isPlainName(property)) {
      return Optional.empty();
    }
    JsonValue correlationId = null;
    boolean responseRequired = true; // Ditto's default
    for (JsonField h : headers.get()) {
      JsonValue v = h.getValue();
      switch (h.getKeyName()) {
        case "correlation-id" -> {
          if (!PlainMessages.isPlainCorrelationId(v)) {
            return Optional.empty();
          }
          correlationId = v;
        }
        case "version" -> {
          if (!v.isNumber() || !v.equals(JsonValue.of(2))) {
            return Optional.empty();
          }
        }
        case "response-required" -> {
          if (!v.isBoolean()) {
            return Optional.empty();
          }
          responseRequired = v.asBoolean();
        }
        case "content-type" -> {
          if (!v.isString() || !v.asString().equals("application/json")) {
            return Optional.empty();
          }
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    ThingId id = ids.of(topic, SUFFIX);
    if (id == null) {
      return Optional.empty();
    }
    JsonPointer pointer = ids.propertyPath(p, feature, property);
    return Optional.of(
        new PropertyModify(
            topic,
            id,
            feature,
            pointer,
            p,
            value.get(),
            correlationId == null ? null : correlationId.asString(),
            responseRequired));
  }
}
