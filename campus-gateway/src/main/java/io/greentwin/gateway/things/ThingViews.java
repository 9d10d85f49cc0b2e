package io.greentwin.gateway.things;

import io.greentwin.twin.TwinErrors;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.eclipse.ditto.things.model.signals.commands.ThingResource;

/**
 * What a read returns for a resource of a thing: Ditto's JSON of it, narrowed by {@code fields}
 * with Ditto's own selector semantics. On the thing, {@code _revision}, {@code _created}, {@code
 * _modified} and {@code _namespace} are selectable and {@code features/*}{@code /…} expands to
 * every feature (Ditto's {@link ThingsModelFactory#expandFeatureIdWildcards}).
 */
final class ThingViews {
  private static final JsonPointer FEATURES = JsonPointer.of("/features");

  /** Resources whose reads accept {@code fields}, as in Ditto's API. */
  private static final Set<ThingResource> SELECTABLE =
      EnumSet.of(
          ThingResource.ATTRIBUTES,
          ThingResource.FEATURES,
          ThingResource.FEATURE,
          ThingResource.FEATURE_PROPERTIES,
          ThingResource.FEATURE_DESIRED_PROPERTIES);

  /** Levels whose absence Ditto reports before that of a value below them. */
  private static final Set<ThingResource> CHECKED_LEVELS =
      EnumSet.of(
          ThingResource.ATTRIBUTES,
          ThingResource.FEATURE,
          ThingResource.FEATURE_PROPERTIES,
          ThingResource.FEATURE_DESIRED_PROPERTIES);

  private ThingViews() {}

  /** The thing's JSON: its regular fields, or exactly the selected ones. */
  static JsonObject thing(Thing thing, Optional<JsonFieldSelector> fields) {
    if (fields.isEmpty()) {
      return thing.toJson(JsonSchemaVersion.V_2);
    }
    JsonFieldSelector expanded =
        ThingsModelFactory.expandFeatureIdWildcards(featureIds(thing), fields.get());
    return expanded.isEmpty() ? JsonObject.empty() : thing.toJson(JsonSchemaVersion.V_2, expanded);
  }

  /** The JSON of the requested resource; Ditto's not-found exception when it does not exist. */
  static JsonValue resource(Thing thing, ThingRequest req) {
    if (req.isRoot()) {
      return thing(thing, req.fields());
    }
    JsonValue value =
        valueAt(thing, req.path()).orElseThrow(() -> notFound(thing, req.thingId(), req.path()));
    if (req.fields().isEmpty() || !value.isObject() || !SELECTABLE.contains(req.resource())) {
      return value;
    }
    JsonFieldSelector fields =
        req.resource() == ThingResource.FEATURES
            ? featuresSelector(thing, req.fields().get())
            : req.fields().get();
    return fields.isEmpty() ? JsonObject.empty() : value.asObject().get(fields);
  }

  /** The value at a path of the thing's JSON (regular fields only). */
  static Optional<JsonValue> valueAt(Thing thing, JsonPointer path) {
    JsonObject json = thing.toJson(JsonSchemaVersion.V_2);
    return path.isEmpty() ? Optional.of(json) : json.getValue(path);
  }

  /**
   * Ditto's not-found error for a missing path: that of the outermost missing level Ditto checks
   * (attributes, the feature, its properties or desired properties), else that of the path itself.
   */
  static DittoRuntimeException notFound(Thing thing, ThingId id, JsonPointer path) {
    JsonObject json = thing.toJson(JsonSchemaVersion.V_2);
    for (int level = 1; level < path.getLevelCount(); level++) {
      JsonPointer prefix = path.getPrefixPointer(level).orElseThrow();
      boolean checked = ThingResource.from(prefix).filter(CHECKED_LEVELS::contains).isPresent();
      if (checked && json.getValue(prefix).isEmpty()) {
        return TwinErrors.notFound(id, prefix);
      }
    }
    return TwinErrors.notFound(id, path);
  }

  /** {@code fields} relative to {@code /features}, with {@code *} expanded to every feature id. */
  private static JsonFieldSelector featuresSelector(Thing thing, JsonFieldSelector fields) {
    List<JsonPointer> underThing = fields.getPointers().stream().map(FEATURES::append).toList();
    JsonFieldSelector expanded =
        ThingsModelFactory.expandFeatureIdWildcards(
            featureIds(thing), JsonFactory.newFieldSelector(underThing));
    return JsonFactory.newFieldSelector(
        expanded.getPointers().stream().map(JsonPointer::nextLevel).toList());
  }

  private static Collection<JsonKey> featureIds(Thing thing) {
    return thing
        .getFeatures()
        .map(fs -> fs.stream().map(Feature::getId).map(JsonKey::of).toList())
        .orElse(List.of());
  }
}
