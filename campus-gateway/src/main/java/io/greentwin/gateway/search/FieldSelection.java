package io.greentwin.gateway.search;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonRuntimeException;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingFieldSelector;

/**
 * A {@code fields=} selection ({@code thingId,attributes/location,features/lamp/properties(on)},
 * special fields such as {@code _revision}), validated by Ditto's {@code ThingFieldSelector} and
 * applied to a thing's full JSON. {@code features/*}{@code /properties/x} selects that property in
 * every feature. Without a selection, a thing renders with its regular fields as {@code
 * Thing.toJson()} does.
 */
public final class FieldSelection {
  private static final JsonKey FEATURES = JsonKey.of("features");
  private static final JsonKey WILDCARD = JsonKey.of("*");
  private static final JsonFieldSelector REGULAR =
      JsonFieldSelector.newInstance("thingId", "policyId", "definition", "attributes", "features");
  private static final FieldSelection DEFAULT = new FieldSelection(REGULAR, false);

  private final JsonFieldSelector selector;
  private final boolean hasWildcard;

  private FieldSelection(JsonFieldSelector selector, boolean hasWildcard) {
    this.selector = selector;
    this.hasWildcard = hasWildcard;
  }

  /**
   * The selection, or the regular fields when none is given; throws Ditto's 400 exceptions ({@code
   * things:field.selection.invalid}, {@code json.fieldselector.invalid}).
   */
  public static FieldSelection parse(String fieldsOrNull) {
    if (fieldsOrNull == null || fieldsOrNull.isBlank()) {
      return DEFAULT;
    }
    try {
      ThingFieldSelector selector = ThingFieldSelector.fromString(fieldsOrNull);
      boolean wildcard = selector.getPointers().stream().anyMatch(FieldSelection::isWildcard);
      return new FieldSelection(selector, wildcard);
    } catch (JsonRuntimeException e) {
      throw new DittoJsonException(e);
    }
  }

  /** True when no fields were asked for: the thing's regular fields. */
  public boolean isDefault() {
    return this == DEFAULT;
  }

  /** The selected parts of a thing's JSON. */
  public JsonObject apply(JsonObject thing) {
    if (!hasWildcard) {
      return thing.get(selector);
    }
    List<JsonPointer> pointers = expand(thing);
    return pointers.isEmpty()
        ? JsonObject.empty()
        : thing.get(JsonFactory.newFieldSelector(pointers));
  }

  private List<JsonPointer> expand(JsonObject thing) {
    List<JsonPointer> pointers = new ArrayList<>();
    for (JsonPointer p : selector.getPointers()) {
      if (!isWildcard(p)) {
        pointers.add(p);
        continue;
      }
      JsonPointer below = p.getSubPointer(2).orElse(JsonPointer.empty());
      thing
          .getValue(FEATURES)
          .filter(JsonValue::isObject)
          .ifPresent(
              features -> {
                for (JsonKey id : features.asObject().getKeys()) {
                  pointers.add(JsonPointer.empty().addLeaf(FEATURES).addLeaf(id).append(below));
                }
              });
    }
    return pointers;
  }

  private static boolean isWildcard(JsonPointer p) {
    return p.getLevelCount() > 2
        && p.get(0).filter(FEATURES::equals).isPresent()
        && p.get(1).filter(WILDCARD::equals).isPresent();
  }
}
