package io.greentwin.twin;

import java.util.Optional;
import org.eclipse.ditto.json.JsonField;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.FeatureProperties;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * The hot paths of twin updates done with Ditto's copy-on-write model setters instead of a JSON
 * round trip of the whole thing: a property or attribute set or removed, and flat merge patches of
 * feature properties (what sensor ingest sends). Returns null where no fast path applies; the
 * results equal the generic JSON transition's (tested).
 */
final class FastPaths {
  // keys, not text: Ditto parses a text key of getValue as a JSON pointer, with a regex
  private static final JsonKey FEATURES = JsonKey.of("features");
  private static final JsonKey PROPERTIES = JsonKey.of("properties");

  private FastPaths() {}

  /** The state after the event, or null to fall back to the generic transition. */
  static Thing apply(Thing t, TwinEvent e) {
    JsonPointer p = e.path();
    int n = p.getLevelCount();
    if (n >= 2 && "attributes".equals(level(p, 0))) {
      JsonPointer rest = p.nextLevel();
      return switch (e.kind()) {
        case CREATED, MODIFIED -> e.value().isObject() ? null : t.setAttribute(rest, e.value());
        case DELETED -> t.removeAttribute(rest);
        default -> null;
      };
    }
    if (n >= 4 && "features".equals(level(p, 0)) && "properties".equals(level(p, 2))) {
      String feature = level(p, 1);
      JsonPointer rest = p.nextLevel().nextLevel().nextLevel();
      return switch (e.kind()) {
        case CREATED, MODIFIED ->
            e.value().isObject() ? null : t.setFeatureProperty(feature, rest, e.value());
        case DELETED -> t.removeFeatureProperty(feature, rest);
        default -> null;
      };
    }
    if (e.kind() == EventKind.MERGED && !e.value().isNull() && e.value().isObject()) {
      if (n == 3 && "features".equals(level(p, 0)) && "properties".equals(level(p, 2))) {
        return mergeProperties(t, level(p, 1), e.value().asObject());
      }
      if (n == 0) {
        return mergeRoot(t, e.value().asObject());
      }
    }
    return null;
  }

  /** Fast existence test for the same paths, or null when the generic test must decide. */
  static Boolean exists(Thing t, JsonPointer p) {
    int n = p.getLevelCount();
    if (n == 2 && "features".equals(level(p, 0))) {
      return t.getFeatures().flatMap(fs -> fs.getFeature(level(p, 1))).isPresent();
    }
    if (n >= 2 && "attributes".equals(level(p, 0))) {
      return t.getAttributes().flatMap(a -> a.getValue(p.nextLevel())).isPresent();
    }
    if (n >= 4 && "features".equals(level(p, 0)) && "properties".equals(level(p, 2))) {
      JsonPointer rest = p.nextLevel().nextLevel().nextLevel();
      return t.getFeatures()
          .flatMap(fs -> fs.getFeature(level(p, 1)))
          .flatMap(f -> f.getProperty(rest))
          .isPresent();
    }
    return null;
  }

  private static Thing mergeRoot(Thing t, JsonObject patch) {
    if (patch.getSize() != 1 || !patch.getValue(FEATURES).map(JsonValue::isObject).orElse(false)) {
      return null;
    }
    Thing out = t;
    for (JsonField f : patch.getValue(FEATURES).orElseThrow().asObject()) {
      if (!f.getValue().isObject()) {
        return null;
      }
      JsonObject feature = f.getValue().asObject();
      Optional<JsonValue> props = feature.getValue(PROPERTIES);
      if (feature.getSize() != 1 || props.isEmpty() || !props.get().isObject()) {
        return null;
      }
      out = mergeProperties(out, f.getKeyName(), props.get().asObject());
      if (out == null) {
        return null;
      }
    }
    return out;
  }

  /**
   * A flat merge patch of one feature's properties: the properties object changed once and set once
   * (Ditto validates every key of a properties object each time it is changed). A feature without
   * properties, and keys that would read as pointers, take the property-by-property way.
   */
  private static Thing mergeProperties(Thing t, String feature, JsonObject patch) {
    Optional<FeatureProperties> props =
        t.getFeatures().flatMap(fs -> fs.getFeature(feature)).flatMap(Feature::getProperties);
    if (props.isEmpty()) {
      return mergePropertiesOneByOne(t, feature, patch);
    }
    JsonObjectBuilder merged = props.get().toBuilder();
    for (JsonField f : patch) {
      JsonValue v = f.getValue();
      // Ditto's JSON null is also an object: test for null first.
      if (!v.isNull() && v.isObject()) {
        return null;
      }
      if (!isPlainKey(f.getKeyName())) {
        return mergePropertiesOneByOne(t, feature, patch);
      }
      if (v.isNull()) {
        merged.remove(f.getKey());
      } else {
        merged.set(f.getKey(), v);
      }
    }
    return t.setFeatureProperties(feature, ThingsModelFactory.newFeatureProperties(merged.build()));
  }

  private static Thing mergePropertiesOneByOne(Thing t, String feature, JsonObject patch) {
    Thing out = t;
    for (JsonField f : patch) {
      JsonValue v = f.getValue();
      if (!v.isNull() && v.isObject()) {
        return null;
      }
      JsonPointer key = JsonPointer.of(f.getKeyName());
      out =
          v.isNull()
              ? out.removeFeatureProperty(feature, key)
              : out.setFeatureProperty(feature, key, v);
    }
    return out;
  }

  /** A key that is one level as a pointer too: not empty, no {@code /} and no escape {@code ~}. */
  private static boolean isPlainKey(String key) {
    return !key.isEmpty() && key.indexOf('/') < 0 && key.indexOf('~') < 0;
  }

  private static String level(JsonPointer p, int i) {
    return p.get(i).map(Object::toString).orElse("");
  }
}
