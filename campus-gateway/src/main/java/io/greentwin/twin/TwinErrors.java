package io.greentwin.twin;

import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.exceptions.AttributeNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.AttributesNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureDefinitionNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureDesiredPropertiesNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureDesiredPropertyNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeaturePropertiesNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeaturePropertyNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeaturesNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.PolicyIdNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingDefinitionNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotAccessibleException;

/**
 * Ditto's own "not found" exception for a path below a thing, so HTTP and WebSocket answer with
 * exactly Ditto's error codes ({@code things:attribute.notfound}, {@code
 * things:feature.property.notfound}, ...).
 */
public final class TwinErrors {
  private TwinErrors() {}

  /** The exception Ditto raises when {@code path} of {@code thingId} does not exist. */
  public static DittoRuntimeException notFound(ThingId thingId, JsonPointer path) {
    int n = path.getLevelCount();
    if (n == 0) {
      return ThingNotAccessibleException.newBuilder(thingId).build();
    }
    String top = path.get(0).orElseThrow().toString();
    JsonPointer rest = path.nextLevel();
    return switch (top) {
      case "attributes" ->
          n == 1
              ? AttributesNotAccessibleException.newBuilder(thingId).build()
              : AttributeNotAccessibleException.newBuilder(thingId, rest).build();
      case "features" -> feature(thingId, rest);
      case "definition" -> ThingDefinitionNotAccessibleException.newBuilder(thingId).build();
      case "policyId" -> PolicyIdNotAccessibleException.newBuilder(thingId).build();
      default -> ThingNotAccessibleException.newBuilder(thingId).build();
    };
  }

  private static DittoRuntimeException feature(ThingId thingId, JsonPointer path) {
    if (path.isEmpty()) {
      return FeaturesNotAccessibleException.newBuilder(thingId).build();
    }
    String featureId = path.get(0).orElseThrow().toString();
    JsonPointer rest = path.nextLevel();
    if (rest.isEmpty()) {
      return FeatureNotAccessibleException.newBuilder(thingId, featureId).build();
    }
    String part = rest.get(0).orElseThrow().toString();
    JsonPointer leaf = rest.nextLevel();
    return switch (part) {
      case "properties" ->
          leaf.isEmpty()
              ? FeaturePropertiesNotAccessibleException.newBuilder(thingId, featureId).build()
              : FeaturePropertyNotAccessibleException.newBuilder(thingId, featureId, leaf).build();
      case "desiredProperties" ->
          leaf.isEmpty()
              ? FeatureDesiredPropertiesNotAccessibleException.newBuilder(thingId, featureId)
                  .build()
              : FeatureDesiredPropertyNotAccessibleException.newBuilder(thingId, featureId, leaf)
                  .build();
      case "definition" ->
          FeatureDefinitionNotAccessibleException.newBuilder(thingId, featureId).build();
      default -> FeatureNotAccessibleException.newBuilder(thingId, featureId).build();
    };
  }
}
