package io.greentwin.gateway.things;

import static io.greentwin.gateway.things.GatewayFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.things.GatewayFixture.Response;
import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Create, retrieve, modify, merge and delete through Ditto's HTTP API at every depth. */
class ThingsApiCrudTest {
  static final String RACK = "greentwin.test:b1-h1-r01-k01";
  static final String URI = "/api/2/things/" + RACK;
  static final String RACK_JSON =
      """
      {"definition":"brick:ICT_Rack:1.4","attributes":{"name":"k01","position":3},
       "features":{"coolant":{"properties":{"supplyTempC":45.0}}}}""";

  final GatewayFixture gw = new GatewayFixture();

  @AfterEach
  void stop() {
    gw.close();
  }

  static JsonValue json(String s) {
    return JsonFactory.readFrom(s);
  }

  @Test
  void putOfANewThingCreatesItWith201TheThingLocationAndRevisionOneETag() {
    Response r = gw.put(URI, RACK_JSON);

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.etag()).isEqualTo("\"rev:1\"");
    assertThat(r.headers().get("Location")).endsWith(URI);
    assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.json())
        .isEqualTo(
            json(
                """
                {"thingId":"greentwin.test:b1-h1-r01-k01","definition":"brick:ICT_Rack:1.4",
                 "attributes":{"name":"k01","position":3},
                 "features":{"coolant":{"properties":{"supplyTempC":45.0}}}}"""));
    assertThat(gw.events).singleElement().extracting(TwinEvent::kind).isEqualTo(EventKind.CREATED);
  }

  @Test
  void putOfAnExistingThingReplacesItWith204AndTheNextRevisionETag() {
    gw.put(URI, RACK_JSON);

    Response r = gw.put(URI, "{\"attributes\":{\"name\":\"k01b\"}}");

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(r.etag()).isEqualTo("\"rev:2\"");
    assertThat(gw.get(URI).json())
        .isEqualTo(json("{\"thingId\":\"" + RACK + "\",\"attributes\":{\"name\":\"k01b\"}}"));
  }

  @Test
  void getOfAThingReturnsItsRegularFieldsWithTheRevisionETag() {
    gw.create(RACK, RACK_JSON);

    Response r = gw.get(URI);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.etag()).isEqualTo("\"rev:1\"");
    assertThat(r.object().getValue("thingId")).contains(JsonValue.of(RACK));
    assertThat(r.object().contains("_revision")).isFalse();
    assertThat(r.object().getValue("/features/coolant/properties/supplyTempC"))
        .contains(JsonValue.of(45.0));
  }

  @Test
  void putCreatesThenModifiesAttributesAtEveryDepthWithDittosStatusCodes() {
    gw.create(RACK, RACK_JSON);

    Response created = gw.put(URI + "/attributes/location/building", "\"b1\"");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json()).isEqualTo(JsonValue.of("b1"));
    assertThat(created.headers().get("Location")).endsWith(URI + "/attributes/location/building");
    assertThat(created.etag()).startsWith("\"hash:");

    Response modified = gw.put(URI + "/attributes/location/building", "\"b2\"");
    assertThat(modified.status()).isEqualTo(204);
    assertThat(modified.etag()).startsWith("\"hash:").isNotEqualTo(created.etag());

    assertThat(gw.put(URI + "/attributes", "{\"name\":\"k02\"}").status()).isEqualTo(204);
    Response attributes = gw.get(URI + "/attributes");
    assertThat(attributes.json()).isEqualTo(json("{\"name\":\"k02\"}"));
    assertThat(attributes.etag()).startsWith("\"hash:");
    assertThat(gw.revision(RACK)).isEqualTo(4);
  }

  @Test
  void getOfASubResourceReturnsItsValueAndAStableHashETag() {
    gw.create(RACK, RACK_JSON);

    Response name = gw.get(URI + "/attributes/name");

    assertThat(name.status()).isEqualTo(200);
    assertThat(name.json()).isEqualTo(JsonValue.of("k01"));
    assertThat(name.etag())
        .startsWith("\"hash:")
        .isEqualTo(gw.get(URI + "/attributes/name").etag());
    assertThat(gw.get(URI + "/definition").json()).isEqualTo(JsonValue.of("brick:ICT_Rack:1.4"));
    assertThat(gw.get(URI + "/features").json())
        .isEqualTo(json("{\"coolant\":{\"properties\":{\"supplyTempC\":45.0}}}"));
  }

  @Test
  void definitionAndPolicyIdArePutReadAndTheDefinitionDeleted() {
    gw.create(RACK, RACK_JSON);

    assertThat(gw.put(URI + "/policyId", "\"greentwin.test:campus-policy\"").status())
        .isEqualTo(201);
    assertThat(gw.get(URI + "/policyId").json())
        .isEqualTo(JsonValue.of("greentwin.test:campus-policy"));
    assertThat(gw.put(URI + "/definition", "\"brick:ICT_Rack:2.0\"").status()).isEqualTo(204);
    assertThat(gw.delete(URI + "/definition").status()).isEqualTo(204);
    Response gone = gw.get(URI + "/definition");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.error()).isEqualTo("things:definition.notfound");
  }

  @Test
  void featureDefinitionPropertiesAndDesiredPropertiesAreWrittenAndReadAtEveryDepth() {
    gw.create(RACK, RACK_JSON);
    String fan = URI + "/features/fan";

    assertThat(gw.put(fan, "{}").status()).isEqualTo(201);
    assertThat(gw.put(fan + "/definition", "[\"brick:Fan:1.0\"]").status()).isEqualTo(201);
    assertThat(gw.put(fan + "/properties", "{\"rpm\":1200}").status()).isEqualTo(201);
    assertThat(gw.put(fan + "/properties/rpm", "1250").status()).isEqualTo(204);
    assertThat(gw.put(fan + "/properties/status/ok", "true").status()).isEqualTo(201);
    assertThat(gw.put(fan + "/desiredProperties/rpm", "1500").status()).isEqualTo(201);

    assertThat(gw.get(fan).json())
        .isEqualTo(
            json(
                """
                {"definition":["brick:Fan:1.0"],"properties":{"rpm":1250,"status":{"ok":true}},
                 "desiredProperties":{"rpm":1500}}"""));
    assertThat(gw.get(fan + "/definition").json()).isEqualTo(json("[\"brick:Fan:1.0\"]"));
    assertThat(gw.get(fan + "/properties/status/ok").json()).isEqualTo(JsonValue.of(true));
    assertThat(gw.get(fan + "/desiredProperties").json()).isEqualTo(json("{\"rpm\":1500}"));
    assertThat(gw.get(fan + "/desiredProperties/rpm").etag()).startsWith("\"hash:");
  }

  @Test
  void writingBelowAMissingFeatureIs404FeatureNotFoundAndChangesNothing() {
    gw.create(RACK, RACK_JSON);

    Response r = gw.put(URI + "/features/fan/properties/rpm", "1200");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("things:feature.notfound");
    assertThat(gw.revision(RACK)).isEqualTo(1);
    assertThat(gw.events).hasSize(1);
  }

  @Test
  void deleteRemovesSubResourcesThenTheThingAnd404sAfterwards() {
    gw.create(RACK, RACK_JSON);

    assertThat(gw.delete(URI + "/features/coolant/properties/supplyTempC").status()).isEqualTo(204);
    Response property = gw.get(URI + "/features/coolant/properties/supplyTempC");
    assertThat(property.status()).isEqualTo(404);
    assertThat(property.error()).isEqualTo("things:feature.property.notfound");
    assertThat(gw.delete(URI + "/attributes/name").status()).isEqualTo(204);
    assertThat(gw.get(URI + "/attributes/name").error()).isEqualTo("things:attribute.notfound");
    assertThat(gw.delete(URI + "/features/coolant").status()).isEqualTo(204);
    assertThat(gw.get(URI + "/features/coolant").error()).isEqualTo("things:feature.notfound");

    assertThat(gw.delete(URI).status()).isEqualTo(204);
    Response thing = gw.get(URI);
    assertThat(thing.status()).isEqualTo(404);
    assertThat(thing.error()).isEqualTo("things:thing.notfound");
    assertThat(gw.delete(URI).error()).isEqualTo("things:thing.notfound");
  }

  @Test
  void readBelowAMissingLevelIs404ForTheOutermostMissingLevelAsInDitto() {
    gw.create(RACK, "{\"features\":{\"fan\":{}}}");

    assertThat(gw.get(URI + "/attributes/name").error()).isEqualTo("things:attributes.notfound");
    assertThat(gw.get(URI + "/features/pump/properties/rpm").error())
        .isEqualTo("things:feature.notfound");
    assertThat(gw.get(URI + "/features/fan/properties/rpm").error())
        .isEqualTo("things:feature.properties.notfound");
    assertThat(gw.get(URI + "/features/fan/desiredProperties").error())
        .isEqualTo("things:feature.desiredProperties.notfound");
    assertThat(gw.get(URI + "/features/fan/definition").error())
        .isEqualTo("things:feature.definition.notfound");
    assertThat(gw.delete(URI + "/features/pump/properties/rpm").error())
        .isEqualTo("things:feature.notfound");
  }

  @Test
  void deleteOfAMissingAttributeIs404AndChangesNothing() {
    gw.create(RACK, RACK_JSON);

    Response r = gw.delete(URI + "/attributes/nope");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("things:attribute.notfound");
    assertThat(gw.revision(RACK)).isEqualTo(1);
  }

  @Test
  void patchOfTheThingAppliesAnRfc7396MergePatch() {
    gw.create(RACK, RACK_JSON);

    Response r =
        gw.patch(
            URI,
            """
            {"attributes":{"position":null,"row":"r01"},
             "features":{"coolant":{"properties":{"returnTempC":55.5}}}}""");

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.etag()).isEqualTo("\"rev:2\"");
    assertThat(gw.get(URI + "/attributes").json())
        .isEqualTo(json("{\"name\":\"k01\",\"row\":\"r01\"}"));
    assertThat(gw.get(URI + "/features/coolant/properties").json())
        .isEqualTo(json("{\"supplyTempC\":45.0,\"returnTempC\":55.5}"));
    assertThat(gw.events.get(1).kind()).isEqualTo(EventKind.MERGED);
  }

  @Test
  void patchOfADeepPropertyMergesOnlyThere() {
    gw.create(RACK, RACK_JSON);
    String props = URI + "/features/coolant/properties";

    assertThat(gw.patch(props, "{\"flowM3h\":3.1,\"supplyTempC\":null}").status()).isEqualTo(204);
    assertThat(gw.patch(props + "/limits", "{\"maxC\":60}").status()).isEqualTo(204);
    assertThat(gw.get(props).json()).isEqualTo(json("{\"flowM3h\":3.1,\"limits\":{\"maxC\":60}}"));
  }

  @Test
  void patchOfAMissingThingIs404ThingNotFound() {
    Response r = gw.patch(URI, "{\"attributes\":{\"a\":1}}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("things:thing.notfound");
    assertThat(gw.events).isEmpty();
  }

  @Test
  void postCreatesAThingWithAGeneratedIdInTheDefaultOrGivenNamespace() {
    Response r = gw.post("/api/2/things", "{\"attributes\":{\"name\":\"pump\"}}");

    assertThat(r.status()).isEqualTo(201);
    String id = r.object().getValue("thingId").orElseThrow().asString();
    assertThat(id).startsWith(GatewayFixture.NAMESPACE + ":");
    assertThat(r.headers().get("Location")).endsWith("/api/2/things/" + id);
    assertThat(r.etag()).isEqualTo("\"rev:1\"");
    assertThat(gw.get("/api/2/things/" + id + "/attributes/name").json())
        .isEqualTo(JsonValue.of("pump"));

    Response other = gw.post("/api/2/things?namespace=org.example", "");
    assertThat(other.status()).isEqualTo(201);
    assertThat(other.object().getValue("thingId").orElseThrow().asString())
        .startsWith("org.example:");
  }

  @Test
  void postWithAThingIdInTheBodyIs400IdNotSettable() {
    Response r = gw.post("/api/2/things", "{\"thingId\":\"a:b\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("things:id.notsettable");
    assertThat(gw.twins.all()).isEmpty();
  }

  @Test
  void putWithADifferentThingIdInTheBodyIs400IdNotSettableAndChangesNothing() {
    gw.create(RACK, RACK_JSON);

    Response r = gw.put(URI, "{\"thingId\":\"greentwin.test:other\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("things:id.notsettable");
    assertThat(gw.revision(RACK)).isEqualTo(1);
  }

  @Test
  void listReturnsTheRequestedThingsInTheirOrderSkippingMissingOnes() {
    gw.create("greentwin.test:a", "{\"attributes\":{\"n\":1}}");
    gw.create("greentwin.test:b", "{\"attributes\":{\"n\":2}}");

    Response r =
        gw.get("/api/2/things?ids=greentwin.test:b,greentwin.test:missing,greentwin.test:a");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json())
        .isEqualTo(
            json(
                """
                [{"thingId":"greentwin.test:b","attributes":{"n":2}},
                 {"thingId":"greentwin.test:a","attributes":{"n":1}}]"""));
    assertThat(gw.get("/api/2/things?fields=thingId").json())
        .isEqualTo(json("[{\"thingId\":\"greentwin.test:a\"},{\"thingId\":\"greentwin.test:b\"}]"));
  }

  @Test
  void eventStreamRequestsAreLeftToTheRoutesMountedAfterTheThingsApi() {
    gw.create(RACK, RACK_JSON);

    Response stream = gw.get(URI, "Accept", "text/event-stream");
    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.body()).isEqualTo("stub");
    assertThat(gw.get("/api/2/things", "Accept", "text/event-stream").body()).isEqualTo("stub");
  }

  @Test
  void writesCarryTheAuthenticatedSubjectOrAnonymousAsOriginator() {
    gw.put(URI, RACK_JSON);
    gw.put(URI + "/attributes/name", "\"k09\"", "x-test-subject", "nginx:operator");

    assertThat(gw.events)
        .extracting(TwinEvent::originator)
        .containsExactly(ThingsApi.ANONYMOUS, "nginx:operator");
  }

  @Test
  void timestampsOfCreationAndModificationComeFromTheTwinService() {
    gw.put(URI, RACK_JSON);
    gw.clock.set(T0.plusSeconds(60));
    gw.put(URI + "/attributes/name", "\"k02\"");

    assertThat(gw.get(URI + "?fields=_created,_modified,_revision").json())
        .isEqualTo(
            json(
                """
                {"_created":"2026-05-01T10:00:00Z","_modified":"2026-05-01T10:01:00Z",
                 "_revision":2}"""));
  }
}
