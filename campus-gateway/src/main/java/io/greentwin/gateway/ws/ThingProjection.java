package io.greentwin.gateway.ws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.Attributes;
import org.eclipse.ditto.things.model.Features;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingBuilder;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * The parts of a thing an RQL filter references, as a thing of their own: each referenced property
 * or attribute with its value, and referenced features or attributes that are not a single value
 * whole. Ditto's predicate visitor reads a compared field from the JSON of the whole thing it is
 * given ({@code Thing#toJson}, rendered anew for every field compared) and a field's existence
 * through the model's accessors; both find exactly the same value at every referenced path of the
 * projection as of the thing, at the cost of rendering a few values instead of the whole twin.
 * Filters on any other field (thing id, policy id, revision, timestamps, metadata, definition, all
 * features at once) get no projection.
 *
 * @param wholeFeatures the features referenced other than by a property
 * @param properties the properties referenced, of other features
 * @param wholeAttributes whether the attributes are referenced as a whole
 * @param attributes the attributes referenced, unless all are
 */
record ThingProjection(
    Set<String> wholeFeatures,
    List<ThingProjection.Property> properties,
    boolean wholeAttributes,
    List<JsonPointer> attributes) {
  private static final String FEATURES = "features";
  private static final String ATTRIBUTES = "attributes";
  private static final String PROPERTIES = "properties";

  /** A property of a feature. */
  record Property(String feature, JsonPointer pointer) {}

  /** The projection for filters on these fields, or null where they need the whole thing. */
  static ThingProjection of(Collection<JsonPointer> fields) {
    if (fields.isEmpty()) {
      return null;
    }
    Set<String> wholeFeatures = new LinkedHashSet<>();
    List<Property> properties = new ArrayList<>();
    boolean wholeAttributes = false;
    List<JsonPointer> attributes = new ArrayList<>();
    for (JsonPointer f : fields) {
      int n = f.getLevelCount();
      String first = level(f, 0);
      if (ATTRIBUTES.equals(first)) {
        if (n == 1) {
          wholeAttributes = true;
        } else {
          attributes.add(f.nextLevel());
        }
      } else if (FEATURES.equals(first) && n >= 4 && PROPERTIES.equals(level(f, 2))) {
        properties.add(new Property(level(f, 1), f.nextLevel().nextLevel().nextLevel()));
      } else if (FEATURES.equals(first) && n >= 2) {
        wholeFeatures.add(level(f, 1));
      } else {
        return null;
      }
    }
    properties.removeIf(p -> wholeFeatures.contains(p.feature()));
    return new ThingProjection(
        Set.copyOf(wholeFeatures),
        List.copyOf(properties),
        wholeAttributes,
        wholeAttributes ? List.of() : List.copyOf(attributes));
  }

  /** The referenced parts of the thing. */
  Thing of(Thing thing) {
    ThingBuilder.FromScratch b = ThingsModelFactory.newThingBuilder();
    Optional<Attributes> attrs = thing.getAttributes();
    if (wholeAttributes) {
      attrs.ifPresent(b::setAttributes);
    }
    for (JsonPointer p : attributes) {
      attrs.flatMap(a -> a.getValue(p)).ifPresent(v -> b.setAttribute(p, v));
    }
    Optional<Features> features = thing.getFeatures();
    for (String id : wholeFeatures) {
      features.flatMap(fs -> fs.getFeature(id)).ifPresent(b::setFeature);
    }
    for (Property p : properties) {
      features
          .flatMap(fs -> fs.getFeature(p.feature()))
          .flatMap(f -> f.getProperty(p.pointer()))
          .ifPresent(v -> b.setFeatureProperty(p.feature(), p.pointer(), v));
    }
    return b.build();
  }

  private static String level(JsonPointer p, int i) {
    return p.get(i).map(Object::toString).orElse("");
  }
}
