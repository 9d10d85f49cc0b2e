package io.greentwin.things;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.Asset;
import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Assets;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.campus.PointSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingDefinition;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CampusThingsTest {
  private static Campus campus;
  private static List<Thing> things;
  private static Map<String, Thing> byId;

  @BeforeAll
  static void loadDemoCampus() {
    Path demo = Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml");
    campus = new CampusLoader().loadCampus(demo);
    things = CampusThings.things(campus).toList();
    byId = things.stream().collect(Collectors.toMap(t -> id(t), Function.identity()));
  }

  @Test
  void demoCampusYieldsAtLeastFiveThousandThingsWithUniqueValidIds() {
    assertThat(things).hasSizeGreaterThanOrEqualTo(5000).hasSize(campus.count());
    Set<String> ids = new HashSet<>();
    for (Thing thing : things) {
      String id = id(thing);
      assertThat(ThingId.of(id).getNamespace()).isEqualTo("greentwin.xianghe");
      assertThat(ids.add(id)).as("unique %s", id).isTrue();
      assertThat(thing.getPolicyEntityId())
          .hasValueSatisfying(
              p -> assertThat(p.toString()).isEqualTo("greentwin.xianghe:campus-policy"));
    }
  }

  @Test
  void rackThingIsABrickRackInItsRowFedByACdu() {
    Assets.Rack rack = campus.racks().get(0);
    Thing thing = byId.get(rack.id());

    assertThat(thing.getDefinition())
        .hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo("brick:ICT_Rack:1.4"));
    JsonObject attributes = thing.getAttributes().orElseThrow();
    assertThat(attributes.getValue("kind")).contains(JsonValue.of("rack"));
    assertThat(attributes.getValue("parent")).contains(JsonValue.of(rack.parentId()));
    assertThat(rack.parentId()).endsWith(":b1-h1-r01");
    String cdu = attributes.getValue(JsonPointer.of("relations/isFedBy")).orElseThrow().asString();
    assertThat(cdu).isEqualTo(rack.cduId());
    assertThat(byId.get(cdu).getDefinition().orElseThrow().toString())
        .isEqualTo("greentwin:CoolantDistributionUnit:1");
    assertThat(attributes.getValue(JsonPointer.of("sizeM/z"))).contains(JsonValue.of(2.0));
    assertThat(attributes.getValue("serverCount")).contains(JsonValue.of(10));
  }

  @Test
  void rackFeaturesCarryEveryPointWithItsUnitInTheName() {
    Thing thing = byId.get(campus.racks().get(0).id());
    Feature coolant = thing.getFeatures().orElseThrow().getFeature("coolant").orElseThrow();

    assertThat(coolant.getDefinition().orElseThrow().getFirstIdentifier().toString())
        .isEqualTo("greentwin:coolant:1");
    assertThat(coolant.getProperties().orElseThrow().getKeys())
        .extracting(Object::toString)
        .containsExactly("supplyTempC", "returnTempC", "flowM3h");
    assertThat(coolant.getProperty(JsonPointer.of("supplyTempC")))
        .contains(JsonValue.nullLiteral());
    assertThat(
            thing
                .getFeatures()
                .orElseThrow()
                .getFeature("power")
                .orElseThrow()
                .getProperty(JsonPointer.of("powerKw")))
        .contains(JsonValue.nullLiteral());
  }

  @Test
  void everyThingHasEveryPointOfItsKindAndItsDerivedFeatures() {
    for (Asset asset : campus.assets()) {
      Thing thing = byId.get(asset.id());
      for (PointSpec point : asset.kind().points()) {
        assertThat(
                thing
                    .getFeatures()
                    .orElseThrow()
                    .getFeature(point.feature())
                    .flatMap(f -> f.getProperty(JsonPointer.of(point.property()))))
            .as("%s %s", asset.id(), point.path())
            .contains(JsonValue.nullLiteral());
      }
      for (String derived : asset.kind().derivedFeatures()) {
        assertThat(thing.getFeatures().orElseThrow().getFeature(derived)).isPresent();
      }
    }
  }

  @Test
  void siteIsTheRootWithAnEmptyKpiFeature() {
    Thing site = byId.get(campus.site().id());
    JsonObject attributes = site.getAttributes().orElseThrow();

    assertThat(attributes.contains("parent")).isFalse();
    assertThat(attributes.getValue("timeZone")).contains(JsonValue.of("Asia/Shanghai"));
    assertThat(attributes.getValue(JsonPointer.of("sizeM/x"))).contains(JsonValue.of(420.0));
    Feature kpi = site.getFeatures().orElseThrow().getFeature("kpi").orElseThrow();
    assertThat(kpi.getProperties().orElseThrow().isEmpty()).isTrue();
  }

  @Test
  void plantWithoutExtentHasNoSizeButItsRelations() {
    Thing heatPump = byId.get(campus.single(AssetKind.HEAT_PUMP).id());
    JsonObject attributes = heatPump.getAttributes().orElseThrow();

    assertThat(attributes.contains("sizeM")).isFalse();
    assertThat(attributes.getValue(JsonPointer.of("relations/feeds")))
        .contains(JsonValue.of("greentwin.xianghe:district-heating"));
    assertThat(attributes.getValue(JsonPointer.of("relations/isFedBy")))
        .contains(JsonValue.of("greentwin.xianghe:loop-warm-water"));
  }

  @Test
  void everyThingRoundTripsThroughDittoJson() {
    for (Thing thing : things) {
      assertThat(ThingsModelFactory.newThing(thing.toJsonString())).isEqualTo(thing);
    }
  }

  @Test
  void jsonLinesAreOneDittoThingEach() {
    List<String> lines = CampusThings.jsonLines(campus).toList();

    assertThat(lines).hasSize(things.size());
    assertThat(lines.get(0)).doesNotContain("\n").startsWith("{\"thingId\":");
    assertThat(ThingsModelFactory.newThing(lines.get(0))).isEqualTo(things.get(0));
  }

  @ParameterizedTest
  @EnumSource(AssetKind.class)
  void everyKindDefinitionIsADittoThingDefinition(AssetKind kind) {
    ThingDefinition definition = ThingsModelFactory.newDefinition(kind.definition());

    assertThat(definition.toString()).isEqualTo(kind.definition());
    assertThat(definition.getNamespace()).isEqualTo(kind.isBrickClass() ? "brick" : "greentwin");
  }

  private static String id(Thing thing) {
    return thing.getEntityId().orElseThrow().toString();
  }
}
