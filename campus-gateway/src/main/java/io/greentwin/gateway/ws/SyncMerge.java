package io.greentwin.gateway.ws;

import java.util.Optional;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonField;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The one message a sync job sends per twin and second, read without Ditto's protocol adapter: a
 * {@code things/twin/commands/merge} at {@code /} of feature properties with plain values ({@code
 * {"features":{"coolant":{"properties":{"supplyTempC":45.3,"observedAt":"…"}}}}}), headers no other
 * than a correlation id, {@code response-required}, {@code requested-acks: ["twin-persisted"]}, the
 * merge-patch content type and a {@code condition}. Such a message is valid by construction, so the
 * adapter's validation, headers, command and thing (which it renders back to JSON) are skipped;
 * anything else — another command, other headers, ids, keys or values the adapter would check — is
 * {@link #of empty} and takes the general way.
 *
 * @param topic the topic as sent (the response repeats it)
 * @param thingId the thing merged
 * @param value the merge patch as sent
 * @param correlationId the correlation id, or null
 * @param condition the RQL condition, or null
 */
record SyncMerge(
    String topic, ThingId thingId, JsonObject value, String correlationId, String condition)
    implements PlainMessages.Command {
  private static final String SUFFIX = "/things/twin/commands/merge";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final JsonArray TWIN_PERSISTED = JsonArray.of(JsonValue.of("twin-persisted"));
  // keys, not text: Ditto parses a text key of getValue as a JSON pointer, with a regex
  private static final JsonKey PATH = JsonKey.of("path");
  private static final JsonKey VALUE = JsonKey.of("value");
  private static final JsonKey HEADERS = JsonKey.of("headers");
  private static final JsonKey FEATURES = JsonKey.of("features");
  private static final JsonKey PROPERTIES = JsonKey.of("properties");

  /** The headers read so far: the correlation id and the condition, each null when absent. */
  private static final class Headers {
    private String correlationId;
    private String condition;
  }

  /** The sync merge the envelope holds, or empty when it holds anything else. */
  static Optional<SyncMerge> of(JsonObject envelope, String topic, PlainMessages.Parsed ids) {
    if (envelope.getSize() != 4 || !topic.endsWith(SUFFIX) || !isRoot(envelope)) {
      return Optional.empty();
    }
    Optional<JsonObject> value =
        envelope.getValue(VALUE).filter(JsonValue::isObject).map(JsonValue::asObject);
    Optional<Headers> headers =
        envelope.getValue(HEADERS).filter(JsonValue::isObject).flatMap(h -> headers(h.asObject()));
    if (value.isEmpty() || headers.isEmpty() || !isPlainPatch(value.get())) {
      return Optional.empty();
    }
    ThingId id = ids.of(topic, SUFFIX);
    if (id == null) {
      return Optional.empty();
    }
    Headers h = headers.get();
    return Optional.of(new SyncMerge(topic, id, value.get(), h.correlationId, h.condition));
  }

  private static boolean isRoot(JsonObject envelope) {
    return envelope
        .getValue(PATH)
        .filter(p -> p.isString() && p.asString().equals("/"))
        .isPresent();
  }

  /**
   * The correlation id and condition (each null when absent), when the headers are only those a
   * sync merge sends and valid as they are.
   */
  private static Optional<Headers> headers(JsonObject h) {
    Headers read = new Headers();
    for (JsonField f : h) {
      JsonValue v = f.getValue();
      switch (f.getKeyName()) {
        case "correlation-id" -> {
          if (!PlainMessages.isPlainCorrelationId(v)) {
            return Optional.empty();
          }
          read.correlationId = v.asString();
        }
        case "response-required" -> {
          if (!v.isBoolean() || !v.asBoolean()) { // no response: rare, the general way
            return Optional.empty();
          }
        }
        case "requested-acks" -> {
          if (!TWIN_PERSISTED.equals(v)) {
            return Optional.empty();
          }
        }
        case "content-type" -> {
          if (!v.isString() || !v.asString().equals(MERGE_PATCH)) {
            return Optional.empty();
          }
        }
        case "condition" -> {
          if (!v.isString()
              || v.asString().isBlank()
              || !PlainMessages.isPrintableAscii(v.asString())) {
            return Optional.empty();
          }
          read.condition = v.asString();
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(read);
  }

  /** {@code {"features":{id:{"properties":{key:scalar,…}},…}}}, ids and keys of plain names. */
  private static boolean isPlainPatch(JsonObject value) {
    Optional<JsonValue> features = value.getValue(FEATURES);
    if (value.getSize() != 1 || features.isEmpty() || !features.get().isObject()) {
      return false;
    }
    JsonObject all = features.get().asObject();
    if (all.isEmpty()) {
      return false;
    }
    for (JsonField feature : all) {
      if (!PlainMessages.isPlainName(feature.getKeyName()) || !isPlainFeature(feature.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlainFeature(JsonValue feature) {
    if (feature.isNull() || !feature.isObject() || feature.asObject().getSize() != 1) {
      return false;
    }
    Optional<JsonValue> props = feature.asObject().getValue(PROPERTIES);
    if (props.isEmpty() || props.get().isNull() || !props.get().isObject()) {
      return false;
    }
    for (JsonField p : props.get().asObject()) {
      if (!PlainMessages.isPlainName(p.getKeyName()) || !PlainMessages.isScalar(p.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A merge at the root. */
  @Override
  public String pathText() {
    return "/";
  }

  /** A sync merge always awaits its response (one without is not plain). */
  @Override
  public boolean responseRequired() {
    return true;
  }
}
