package io.greentwin.gateway.things;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.things.GatewayFixture.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code fields=} selection with Ditto's selector: grouping, wildcards, special fields. */
class ThingsApiFieldsTest {
  static final String RACK = "greentwin.test:k01";
  static final String URI = "/api/2/things/" + RACK;

  final GatewayFixture gw = new GatewayFixture();

  @BeforeEach
  void createRack() {
    gw.create(
        RACK,
        """
        {"policyId":"greentwin.test:campus-policy",
         "attributes":{"name":"k01","position":{"x":1,"y":2},"row":"r01"},
         "features":{"coolant":{"properties":{"supplyTempC":45.0,"flowM3h":3.1}},
                     "fan":{"properties":{"supplyTempC":21.0,"rpm":1200},
                            "desiredProperties":{"rpm":1500,"mode":"eco"}},
                     "meter":{"properties":{"powerKw":7.5}}}}""");
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  static JsonValue json(String s) {
    return JsonFactory.readFrom(s);
  }

  Response getWithFields(String path, String fields) {
    return gw.get(path + "?fields=" + URLEncoder.encode(fields, StandardCharsets.UTF_8));
  }

  @Test
  void groupedAttributesAndRevisionCreatedModifiedAreSelected() {
    Response r = getWithFields(URI, "thingId,attributes(name,position/x),_revision,_created");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.etag()).isEqualTo("\"rev:1\"");
    assertThat(r.json())
        .isEqualTo(
            json(
                """
                {"thingId":"greentwin.test:k01","attributes":{"name":"k01","position":{"x":1}},
                 "_revision":1,"_created":"2026-05-01T10:00:00Z"}"""));
    assertThat(getWithFields(URI, "_modified,_namespace").json())
        .isEqualTo(
            json("{\"_modified\":\"2026-05-01T10:00:00Z\",\"_namespace\":\"greentwin.test\"}"));
  }

  @Test
  void featureWildcardSelectsThePropertyInEveryFeatureThatHasIt() {
    Response r = getWithFields(URI, "features/*/properties/supplyTempC,policyId");

    assertThat(r.json())
        .isEqualTo(
            json(
                """
                {"policyId":"greentwin.test:campus-policy",
                 "features":{"coolant":{"properties":{"supplyTempC":45.0}},
                             "fan":{"properties":{"supplyTempC":21.0}}}}"""));
  }

  @Test
  void featureWildcardCombinesWithGrouping() {
    Response r = getWithFields(URI, "features/*/properties(rpm,powerKw)");

    assertThat(r.json())
        .isEqualTo(
            json(
                """
                {"features":{"fan":{"properties":{"rpm":1200}},
                             "meter":{"properties":{"powerKw":7.5}}}}"""));
  }

  @Test
  void fieldsNarrowSubResourcesRelativeToThem() {
    assertThat(getWithFields(URI + "/attributes", "name,position/y").json())
        .isEqualTo(json("{\"name\":\"k01\",\"position\":{\"y\":2}}"));
    assertThat(getWithFields(URI + "/features", "*/properties/rpm").json())
        .isEqualTo(json("{\"fan\":{\"properties\":{\"rpm\":1200}}}"));
    assertThat(getWithFields(URI + "/features/fan", "desiredProperties/mode").json())
        .isEqualTo(json("{\"desiredProperties\":{\"mode\":\"eco\"}}"));
    assertThat(getWithFields(URI + "/features/coolant/properties", "flowM3h").json())
        .isEqualTo(json("{\"flowM3h\":3.1}"));
    assertThat(getWithFields(URI + "/features/fan/desiredProperties", "rpm").json())
        .isEqualTo(json("{\"rpm\":1500}"));
  }

  @Test
  void fieldsThatMatchNothingGiveAnEmptyObject() {
    assertThat(getWithFields(URI, "features/*/properties/nope").json()).isEqualTo(json("{}"));
    assertThat(getWithFields(URI, "attributes/nope").json()).isEqualTo(json("{}"));
  }

  @Test
  void fieldsApplyToEveryThingOfAList() {
    gw.create("greentwin.test:k02", "{\"attributes\":{\"name\":\"k02\",\"row\":\"r02\"}}");

    Response r =
        gw.get(
            "/api/2/things?ids=greentwin.test:k01,greentwin.test:k02&fields="
                + URLEncoder.encode("thingId,attributes(row)", StandardCharsets.UTF_8));

    assertThat(r.json())
        .isEqualTo(
            json(
                """
                [{"thingId":"greentwin.test:k01","attributes":{"row":"r01"}},
                 {"thingId":"greentwin.test:k02","attributes":{"row":"r02"}}]"""));
  }

  @Test
  void malformedFieldsAre400FieldSelectorInvalid() {
    Response r = getWithFields(URI, "attributes(name");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("json.fieldselector.invalid");
  }
}
