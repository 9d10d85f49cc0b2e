package io.greentwin.things;

import io.greentwin.campus.Asset;
import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Campus;
import io.greentwin.campus.PointSpec;
import io.greentwin.campus.Position;
import io.greentwin.campus.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.things.model.Attributes;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.FeatureDefinition;
import org.eclipse.ditto.things.model.FeatureProperties;
import org.eclipse.ditto.things.model.FeaturePropertiesBuilder;
import org.eclipse.ditto.things.model.Features;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * The Eclipse Ditto thing of every campus asset, built with Ditto's own model classes so that the
 * result is exactly what a real Ditto stores and serves.
 *
 * <ul>
 *   <li>{@code thingId}: the asset id ({@code namespace:name}); {@code policyId}: {@code
 *       <namespace>:campus-policy}; {@code definition}: the kind's ({@code brick:ICT_Rack:1.4}).
 *   <li>{@code attributes}: {@code name}, {@code kind} (lower case, e.g. {@code pv_array}), {@code
 *       position} {xM, yM, zM}, {@code sizeM} {x, y, z} unless the asset has no extent, {@code
 *       parent} (the containing thing's id; absent for the site), {@code relations} ({@code
 *       isFedBy}, {@code feeds}: thing ids) when there are any, then the asset's own attributes.
 *   <li>{@code features}: one per sensor feature of the kind, defined as {@code
 *       greentwin:<feature>:1}, with every point property of that feature present and {@code null}
 *       until measured; and the kind's derived features (e.g. {@code kpi}) with no properties, for
 *       stream jobs to fill.
 * </ul>
 *
 * <p>Why {@code null} rather than absent: the shape of a twin is fixed when it is created, so a
 * client or a search can see every point a kind reports and tell "not measured yet" ({@code null})
 * from "no such point" (absent), and a reading only ever changes a value, never the shape. Writers
 * must send values, not {@code null}: in a JSON merge patch (RFC 7396) a {@code null} deletes.
 */
public final class CampusThings {
  /** The name of the policy every campus thing refers to, in the campus namespace. */
  public static final String POLICY_NAME = "campus-policy";

  /** Vocabulary of GreenTwin's feature definitions ({@code greentwin:coolant:1}). */
  static final String FEATURE_VOCABULARY = "greentwin";

  private static final Map<AssetKind, Features> FEATURES = featuresByKind();

  private CampusThings() {}

  /** The thing of every asset of the campus, in {@link Campus#assets()} order. */
  public static Stream<Thing> things(Campus campus) {
    return campus.assets().stream().map(CampusThings::thing);
  }

  /** Every thing as Ditto JSON ({@link Thing#toJsonString()}), one object per element. */
  public static Stream<String> jsonLines(Campus campus) {
    return things(campus).map(Thing::toJsonString);
  }

  /** The thing of one asset. */
  public static Thing thing(Asset asset) {
    ThingId id = ThingId.of(asset.id());
    return ThingsModelFactory.newThingBuilder()
        .setId(id)
        .setPolicyId(policyId(id.getNamespace()))
        .setDefinition(ThingsModelFactory.newDefinition(asset.kind().definition()))
        .setAttributes(attributes(asset))
        .setFeatures(FEATURES.get(asset.kind()))
        .build();
  }

  /** The campus policy's id in a namespace: {@code <namespace>:campus-policy}. */
  public static PolicyId policyId(String namespace) {
    return PolicyId.of(namespace, POLICY_NAME);
  }

  /** The {@code kind} attribute of a kind: its name in lower case, e.g. {@code pv_array}. */
  public static String kindName(AssetKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static Attributes attributes(Asset asset) {
    Position p = asset.position();
    JsonObjectBuilder b =
        JsonObject.newBuilder()
            .set("name", asset.name())
            .set("kind", kindName(asset.kind()))
            .set(
                "position",
                JsonObject.newBuilder()
                    .set("xM", p.xM())
                    .set("yM", p.yM())
                    .set("zM", p.zM())
                    .build());
    Size s = asset.size();
    if (s != null && !Size.NONE.equals(s)) {
      b.set(
          "sizeM", JsonObject.newBuilder().set("x", s.x()).set("y", s.y()).set("z", s.z()).build());
    }
    if (asset.parentId() != null) {
      b.set("parent", asset.parentId());
    }
    if (!asset.relations().isEmpty()) {
      // Sorted: relation maps are unordered, and the export should not change from run to run.
      JsonObjectBuilder relations = JsonObject.newBuilder();
      new TreeMap<>(asset.relations()).forEach(relations::set);
      b.set("relations", relations.build());
    }
    asset.attributes().forEach((key, value) -> b.set(key, json(value)));
    return ThingsModelFactory.newAttributes(b.build());
  }

  /** The features every thing of a kind starts with. */
  static Features features(AssetKind kind) {
    Map<String, FeaturePropertiesBuilder> sensors = new LinkedHashMap<>();
    for (PointSpec point : kind.points()) {
      sensors
          .computeIfAbsent(point.feature(), f -> FeatureProperties.newBuilder())
          .set(point.property(), JsonValue.nullLiteral());
    }
    List<Feature> features = new ArrayList<>();
    sensors.forEach((id, props) -> features.add(feature(id, props.build())));
    for (String derived : kind.derivedFeatures()) {
      if (!sensors.containsKey(derived)) {
        features.add(feature(derived, FeatureProperties.newBuilder().build()));
      }
    }
    return ThingsModelFactory.newFeatures(features);
  }

  private static Feature feature(String id, FeatureProperties properties) {
    FeatureDefinition definition =
        FeatureDefinition.fromIdentifier(FEATURE_VOCABULARY + ":" + id + ":1");
    return ThingsModelFactory.newFeature(id, definition, properties);
  }

  private static JsonValue json(Object value) {
    if (value == null) {
      return JsonValue.nullLiteral();
    } else if (value instanceof Integer i) {
      return JsonValue.of(i.intValue());
    } else if (value instanceof Long l) {
      return JsonValue.of(l.longValue());
    } else if (value instanceof Number n) {
      return JsonValue.of(n.doubleValue());
    } else if (value instanceof Boolean bool) {
      return JsonValue.of(bool.booleanValue());
    }
    return JsonValue.of(String.valueOf(value));
  }

  private static Map<AssetKind, Features> featuresByKind() {
    Map<AssetKind, Features> map = new EnumMap<>(AssetKind.class);
    for (AssetKind kind : AssetKind.values()) {
      map.put(kind, features(kind));
    }
    return Collections.unmodifiableMap(map);
  }
}
