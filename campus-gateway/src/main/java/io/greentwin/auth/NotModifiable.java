package io.greentwin.auth;

import io.greentwin.twin.WriteKind;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.exceptions.AttributeNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.AttributesNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureDefinitionNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureDesiredPropertiesNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureDesiredPropertyNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeatureNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeaturePropertiesNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeaturePropertyNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeaturesNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.PolicyIdNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingDefinitionNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotDeletableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotModifiableException;

/**
 * Ditto's own 403 for a write the policy forbids, chosen as Ditto's {@code
 * ThingCommandToModifyExceptionRegistry} chooses it for the command the write stands for: {@code
 * things:attribute.notmodifiable} for an attribute, {@code things:feature.property.notmodifiable}
 * for a property, {@code things:thing.notdeletable} for deleting the thing, {@code
 * things:thing.notmodifiable} for the thing and for every merge (Ditto has no entry for merges).
 */
final class NotModifiable {
  private NotModifiable() {}

  static DittoRuntimeException of(ThingId thingId, WriteKind kind, JsonPointer path) {
    if (kind == WriteKind.MERGE) {
      return ThingNotModifiableException.newBuilder(thingId).build();
    }
    int n = path.getLevelCount();
    if (n == 0) {
      return kind == WriteKind.DELETE
          ? ThingNotDeletableException.newBuilder(thingId).build()
          : ThingNotModifiableException.newBuilder(thingId).build();
    }
    String top = path.get(0).orElseThrow().toString();
    JsonPointer rest = path.nextLevel();
    return switch (top) {
      case "attributes" ->
          n == 1
              ? AttributesNotModifiableException.newBuilder(thingId).build()
              : AttributeNotModifiableException.newBuilder(thingId, rest).build();
      case "features" -> feature(thingId, rest);
      case "definition" -> ThingDefinitionNotModifiableException.newBuilder(thingId).build();
      case "policyId" -> PolicyIdNotModifiableException.newBuilder(thingId).build();
      default -> ThingNotModifiableException.newBuilder(thingId).build();
    };
  }

  private static DittoRuntimeException feature(ThingId thingId, JsonPointer path) {
    if (path.isEmpty()) {
      return FeaturesNotModifiableException.newBuilder(thingId).build();
    }
    String featureId = path.get(0).orElseThrow().toString();
    JsonPointer rest = path.nextLevel();
    if (rest.isEmpty()) {
      return FeatureNotModifiableException.newBuilder(thingId, featureId).build();
    }
    JsonPointer leaf = rest.nextLevel();
    return switch (rest.get(0).orElseThrow().toString()) {
      case "properties" ->
          leaf.isEmpty()
              ? FeaturePropertiesNotModifiableException.newBuilder(thingId, featureId).build()
              : FeaturePropertyNotModifiableException.newBuilder(thingId, featureId, leaf).build();
      case "desiredProperties" ->
          leaf.isEmpty()
              ? FeatureDesiredPropertiesNotModifiableException.newBuilder(thingId, featureId)
                  .build()
              : FeatureDesiredPropertyNotModifiableException.newBuilder(thingId, featureId, leaf)
                  .build();
      case "definition" ->
          FeatureDefinitionNotModifiableException.newBuilder(thingId, featureId).build();
      default -> FeatureNotModifiableException.newBuilder(thingId, featureId).build();
    };
  }
}
