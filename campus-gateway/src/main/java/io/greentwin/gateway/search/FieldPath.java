package io.greentwin.gateway.search;

import java.util.function.Predicate;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.rql.query.expression.visitors.ExistsFieldExpressionVisitor;
import org.eclipse.ditto.rql.query.expression.visitors.FilterFieldExpressionVisitor;

/**
 * A field of a thing's JSON named by a filter or a sort option, as its path in the {@link
 * IndexedJson} ({@code attributes/building}). {@code features/*}{@code /properties/x} (Ditto's
 * feature wildcard) stands for that field in every feature: {@code belowFeature} is then the path
 * below the feature ({@code properties/x}), otherwise null.
 */
record FieldPath(String key, String belowFeature) {
  private static final JsonKey FEATURES = JsonKey.of("features");
  private static final JsonKey WILDCARD = JsonKey.of("*");

  /** Ditto's field expressions (filter and exists) as pointers into the thing's JSON. */
  static final Pointers POINTERS = new Pointers();

  static FieldPath of(JsonPointer pointer) {
    boolean wildcard =
        pointer.getLevelCount() > 2
            && pointer.get(0).filter(FEATURES::equals).isPresent()
            && pointer.get(1).filter(WILDCARD::equals).isPresent();
    String key = pointer.toString().substring(1);
    String below = wildcard ? pointer.getSubPointer(2).orElseThrow().toString().substring(1) : null;
    return new FieldPath(key.intern(), below); // the index's own strings: see IndexedJson
  }

  /** True when some value of this field (one per feature for a wildcard) passes the test. */
  boolean anyValue(IndexedJson thing, Predicate<JsonValue> test) {
    if (belowFeature == null) {
      JsonValue v = thing.get(key);
      return v != null && test.test(v);
    }
    JsonValue features = thing.get("features");
    if (features == null || !features.isObject()) {
      return false;
    }
    for (JsonKey feature : features.asObject().getKeys()) {
      JsonValue v = thing.get("features/" + feature + '/' + belowFeature);
      if (v != null && test.test(v)) {
        return true;
      }
    }
    return false;
  }

  boolean exists(IndexedJson thing) {
    return anyValue(thing, v -> true);
  }

  /** The value for sorting: the field itself, JSON null when absent (wildcards do not sort). */
  JsonValue sortValue(IndexedJson thing) {
    JsonValue v = thing.get(key);
    return v == null ? JsonValue.nullLiteral() : v;
  }

  /** Maps Ditto's parsed field expressions to pointers. */
  static final class Pointers
      implements FilterFieldExpressionVisitor<FieldPath>, ExistsFieldExpressionVisitor<FieldPath> {
    private Pointers() {}

    @Override
    public FieldPath visitAttribute(String key) {
      return of(JsonPointer.of("/attributes").append(JsonPointer.of(key)));
    }

    @Override
    public FieldPath visitFeature(String featureId) {
      return of(JsonPointer.of("/features").addLeaf(JsonKey.of(featureId)));
    }

    @Override
    public FieldPath visitFeatureProperties(CharSequence featureId) {
      return feature(featureId, "properties", "");
    }

    @Override
    public FieldPath visitFeatureDesiredProperties(CharSequence featureId) {
      return feature(featureId, "desiredProperties", "");
    }

    @Override
    public FieldPath visitFeatureIdProperty(String featureId, String property) {
      return feature(featureId, "properties", property);
    }

    @Override
    public FieldPath visitFeatureIdDesiredProperty(CharSequence featureId, CharSequence property) {
      return feature(featureId, "desiredProperties", property);
    }

    @Override
    public FieldPath visitSimple(String field) {
      return of(JsonPointer.of(field));
    }

    @Override
    public FieldPath visitMetadata(String key) {
      return of(JsonPointer.of("/_metadata").append(JsonPointer.of(key)));
    }

    private static FieldPath feature(CharSequence featureId, String part, CharSequence below) {
      JsonPointer p =
          JsonPointer.of("/features").addLeaf(JsonKey.of(featureId)).addLeaf(JsonKey.of(part));
      return of(below.length() == 0 ? p : p.append(JsonPointer.of(below)));
    }
  }
}
