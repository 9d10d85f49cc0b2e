package io.greentwin.gateway.ws;

import io.greentwin.cache.BoundedMemo;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * What the messages read without Ditto's protocol adapter ({@link SyncMerge}, {@link
 * PropertyModify}) share: their thing is the topic's, their names are plain and their headers
 * printable, so that nothing the adapter would check can differ. Anything else is not plain and
 * takes the general way, which answers with Ditto's errors.
 */
final class PlainMessages {
  private static final int MAX_IDS = 65_536;
  private static final int MAX_CORRELATION_ID = 256;
  private static final JsonKey FEATURES = JsonKey.of("features");
  private static final JsonKey PROPERTIES = JsonKey.of("properties");

  private PlainMessages() {}

  /** A command read the plain way, as far as its answer needs it. */
  interface Command {
    /** The topic as sent (the response repeats it). */
    String topic();

    ThingId thingId();

    /** The correlation id, or null. */
    String correlationId();

    /** The command's path as sent. */
    String pathText();

    boolean responseRequired();

    /** The RQL condition, or null. */
    default String condition() {
      return null;
    }

    /**
     * Ditto's headers of the message as far as a failure's answer uses them (built only then:
     * Ditto's headers builder costs more than reading the message).
     */
    default DittoHeaders headers() {
      var b = DittoHeaders.newBuilder().responseRequired(responseRequired());
      if (correlationId() != null) {
        b.correlationId(correlationId());
      }
      if (condition() != null) {
        b.condition(condition());
      }
      return b.build();
    }
  }

  /**
   * Thing ids by topic and property paths by text, so that a twin's id is validated and a path
   * built once and not once per message.
   */
  static final class Parsed {
    private final BoundedMemo<String, ThingId> byTopic = new BoundedMemo<>(MAX_IDS);
    private final BoundedMemo<String, JsonPointer> byPath = new BoundedMemo<>(MAX_IDS);

    /**
     * The pointer of a property path {@code /features/<feature>/properties/<property>} (plain
     * names), built from its parts: Ditto's pointer parser runs a regex per segment.
     */
    JsonPointer propertyPath(String text, String feature, String property) {
      return byPath.get(
          text,
          t ->
              JsonPointer.empty()
                  .addLeaf(FEATURES)
                  .addLeaf(JsonKey.of(feature))
                  .addLeaf(PROPERTIES)
                  .addLeaf(JsonKey.of(property)));
    }

    /**
     * The thing of a topic {@code namespace/name<suffix>} (the twin channel), or null when the
     * topic is not that or its id is not valid.
     */
    ThingId of(String topic, String suffix) {
      int slash = topic.indexOf('/');
      int end = topic.length() - suffix.length();
      if (!topic.endsWith(suffix)
          || slash <= 0
          || slash >= end - 1
          || topic.indexOf('/', slash + 1) != end
          || topic.startsWith("_/")) {
        return null;
      }
      try {
        return byTopic.get(
            topic, t -> ThingId.of(topic.substring(0, slash), topic.substring(slash + 1, end)));
      } catch (RuntimeException invalidId) {
        return null; // the general way answers with Ditto's error
      }
    }
  }

  /** A correlation id as Ditto takes it unchanged: a short, non-empty printable ASCII string. */
  static boolean isPlainCorrelationId(JsonValue v) {
    return v.isString()
        && !v.asString().isEmpty()
        && v.asString().length() <= MAX_CORRELATION_ID
        && isPrintableAscii(v.asString());
  }

  /** Letters, digits, {@code _ - .}: valid as a feature id and as a key wherever Ditto checks. */
  static boolean isPlainName(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** A number, string or boolean: valid as any property's value without a key to check. */
  static boolean isScalar(JsonValue v) {
    return v.isNumber() || v.isString() || v.isBoolean();
  }
}
