package io.greentwin.gateway;

import static io.greentwin.auth.GatewayHarness.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.GatewayHarness;
import io.greentwin.auth.Role;
import io.greentwin.gateway.history.HistoryApi;
import io.greentwin.gateway.search.SearchApi;
import io.greentwin.gateway.search.ThingJsonCache;
import io.greentwin.gateway.stream.StreamApi;
import io.greentwin.gateway.things.ThingsApi;
import io.greentwin.gateway.ws.WebSocketApi;
import io.greentwin.things.CampusThings;
import io.greentwin.twin.TwinWrite;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.policies.model.EffectedPermissions;
import org.eclipse.ditto.policies.model.PoliciesResourceType;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The campus policy enforced by the gateway's parts as Ditto enforces it: a real gateway with the
 * demo users (planner may not read {@code features/compute}; operator writes features only).
 */
class PolicyEnforcementTest {
  private static final ThingId SERVER = ThingId.of("org.test:server-1");
  private static final String THING = "/api/2/things/" + SERVER;
  private static final String ADMIN = basic("admin", "admin");
  private static final String OPERATOR = basic("operator", "operator");
  private static final String PLANNER = basic("planner", "planner");

  private GatewayHarness gateway;

  @BeforeEach
  void start() throws Exception {
    gateway =
        new GatewayHarness(
            (twins, auth) ->
                List.of(
                    new WebSocketApi(twins, auth),
                    new StreamApi(twins, auth.access()),
                    new HistoryApi(twins, Clock.systemUTC(), auth.access()),
                    new SearchApi(twins, new ThingJsonCache(), auth.access()),
                    new ThingsApi(twins, "org.test", 1 << 20, auth.access())));
    Thing server =
        ThingsModelFactory.newThingBuilder()
            .setId(SERVER)
            .setPolicyId(CampusThings.policyId("org.test"))
            .setAttributes(JsonObject.newBuilder().set("name", "Server 1").build())
            .setFeature(
                "compute",
                ThingsModelFactory.newFeaturePropertiesBuilder().set("powerW", 300).build())
            .setFeature(
                "kpi", ThingsModelFactory.newFeaturePropertiesBuilder().set("pue", 1.2).build())
            .build();
    gateway
        .twins
        .write(TwinWrite.put(SERVER, JsonPointer.empty(), server.toJson(), "test"))
        .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void plannerReadOfAServerOmitsComputeButShowsAttributes() throws Exception {
    var r = gateway.get(THING, PLANNER);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.object().getValue("attributes/name")).contains(JsonValue.of("Server 1"));
    assertThat(r.object().getValue("features/kpi/properties/pue")).contains(JsonValue.of(1.2));
    assertThat(r.object().contains(JsonPointer.of("features/compute"))).isFalse();
  }

  @Test
  void plannerReadOfTheComputeFeatureIsNotFound() throws Exception {
    var r = gateway.get(THING + "/features/compute", PLANNER);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("things:feature.notfound");
  }

  @Test
  void operatorWriteOfAnAttributeIsForbiddenAndChangesNothing() throws Exception {
    long before = revision();

    var r = gateway.send(HttpMethod.PUT, THING + "/attributes/name", OPERATOR, "\"Hacked\"");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.error()).isEqualTo("things:attribute.notmodifiable");
    assertThat(revision()).isEqualTo(before);
    assertThat(gateway.get(THING + "/attributes/name", ADMIN).json())
        .isEqualTo(JsonValue.of("Server 1"));
  }

  @Test
  void operatorWriteOfAFeaturePropertySucceeds() throws Exception {
    var r =
        gateway.send(
            HttpMethod.PUT, THING + "/features/compute/properties/powerW", OPERATOR, "310");

    assertThat(r.status()).isEqualTo(204);
    assertThat(gateway.get(THING + "/features/compute/properties/powerW", ADMIN).json())
        .isEqualTo(JsonValue.of(310));
  }

  @Test
  void plannerSearchCannotMatchAHiddenField() throws Exception {
    String hidden = "/api/2/search/things?filter=gt(features/compute/properties/powerW,0)";
    String hiddenCount =
        "/api/2/search/things/count?filter=gt(features/compute/properties/powerW,0)";

    assertThat(items(gateway.get(hidden, ADMIN).object())).hasSize(1);
    assertThat(items(gateway.get(hidden, PLANNER).object())).isEmpty();
    assertThat(gateway.get(hiddenCount, PLANNER).json()).isEqualTo(JsonValue.of(0));
    var all = items(gateway.get("/api/2/search/things", PLANNER).object());
    assertThat(all).hasSize(1);
    assertThat(all.get(0).contains(JsonPointer.of("features/compute"))).isFalse();
    assertThat(all.get(0).getValue("features/kpi/properties/pue")).contains(JsonValue.of(1.2));
  }

  @Test
  void plannerConditionOnAHiddenFieldIsRefusedAsDittoDoes() throws Exception {
    String hidden = "?condition=" + encode("gt(features/compute/properties/powerW,1)");

    // The planner may write the KPI feature here, but still not read compute.
    gateway
        .auth
        .policies()
        .update(
            CampusThings.policyId("org.test"),
            (policy, enforcer) ->
                policy.setEffectedPermissionsFor(
                    Role.PLANNER.configName(),
                    PoliciesResourceType.thingResource("/features/kpi"),
                    EffectedPermissions.newInstance(List.of("READ", "WRITE"), List.of())));
    long before = revision();

    var read = gateway.get(THING + "/attributes" + hidden, PLANNER);
    var write =
        gateway.send(HttpMethod.PUT, THING + "/features/kpi/properties/pue" + hidden, PLANNER, "2");

    assertThat(read.status()).isEqualTo(412);
    assertThat(read.error()).isEqualTo("things:condition.failed");
    assertThat(read.object().getValue("message").orElseThrow().asString())
        .contains("insufficient permissions");
    assertThat(write.status()).isEqualTo(412);
    assertThat(write.error()).isEqualTo("things:condition.failed");
    assertThat(revision()).isEqualTo(before);
    var allowed =
        gateway.send(
            HttpMethod.PUT,
            THING + "/features/kpi/properties/pue?condition=" + encode("exists(attributes/name)"),
            PLANNER,
            "2");
    assertThat(allowed.status()).isEqualTo(204);
    var admin =
        gateway.send(HttpMethod.PUT, THING + "/features/kpi/properties/pue" + hidden, ADMIN, "3");
    assertThat(admin.status()).isEqualTo(204); // admin may read compute
  }

  @Test
  void plannerConditionOnAnAttributeIsEvaluated() throws Exception {
    var met =
        gateway.get(
            THING + "/attributes?condition=" + encode("eq(attributes/name,\"Server 1\")"), PLANNER);
    var unmet =
        gateway.get(
            THING + "/attributes?condition=" + encode("eq(attributes/name,\"Other\")"), PLANNER);

    assertThat(met.status()).isEqualTo(200);
    assertThat(unmet.status()).isEqualTo(412);
    assertThat(unmet.object().getValue("message").orElseThrow().asString())
        .doesNotContain("insufficient permissions");
  }

  @Test
  void plannerConditionOverAWebSocketOnAHiddenFieldIsRefused() throws Exception {
    String hidden =
        gateway.webSocketReply(
            "/ws/2", PLANNER, retrieveAttributes("gt(features/compute/properties/powerW,1)"));
    String visible =
        gateway.webSocketReply(
            "/ws/2", PLANNER, retrieveAttributes("eq(attributes/name,\"Server 1\")"));

    JsonObject refused = JsonObject.of(hidden);
    assertThat(refused.getValue("status")).contains(JsonValue.of(412));
    assertThat(refused.getValue("value/error")).contains(JsonValue.of("things:condition.failed"));
    JsonObject answered = JsonObject.of(visible);
    assertThat(answered.getValue("status")).contains(JsonValue.of(200));
    assertThat(answered.getValue("value/name")).contains(JsonValue.of("Server 1"));
  }

  private static String retrieveAttributes(String condition) {
    return JsonObject.newBuilder()
        .set("topic", "org.test/server-1/things/twin/commands/retrieve")
        .set(
            "headers",
            JsonObject.newBuilder().set("correlation-id", "c1").set("condition", condition).build())
        .set("path", "/attributes")
        .build()
        .toString();
  }

  private static String encode(String rql) {
    return java.net.URLEncoder.encode(rql, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void plannerChangeStreamNeverCarriesComputeValues() throws Exception {
    BlockingQueue<String> data = new LinkedBlockingQueue<>();
    HttpClient client = gateway.vertx.createHttpClient();
    try {
      RequestOptions options =
          new RequestOptions()
              .setHost("127.0.0.1")
              .setPort(gateway.port())
              .setURI("/api/2/things?ids=" + SERVER)
              .addHeader("Accept", "text/event-stream")
              .addHeader("Authorization", PLANNER);
      HttpClientResponse response =
          client
              .request(options)
              .compose(req -> req.send())
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      response.handler(
          b -> b.toString().lines().filter(l -> l.startsWith("data:")).forEach(data::add));
      Thread.sleep(200); // the stream subscribes once the response started

      put("/features/compute/properties/powerW", "320");
      put("/features/compute", "{\"properties\":{\"powerW\":330}}");
      put("/features/kpi/properties/pue", "1.3");

      String first = data.poll(10, TimeUnit.SECONDS);
      assertThat(first).isNotNull().doesNotContain("compute").contains("\"pue\":1.3");
      assertThat(data.poll(300, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      client.close();
    }
  }

  @Test
  void plannerHistoryShowsNoComputeAndItsTimeSeriesIsNotFound() throws Exception {
    var series =
        gateway.get("/api/2/timeseries/" + SERVER + "/features/compute/properties/powerW", PLANNER);
    var snapshot = gateway.get("/api/2/snapshot?at=2030-01-01T00:00:00Z", PLANNER);

    assertThat(series.status()).isEqualTo(404);
    assertThat(series.error()).isEqualTo("things:feature.property.notfound");
    assertThat(snapshot.status()).isEqualTo(200);
    var items = items(snapshot.object());
    assertThat(items).hasSize(1);
    assertThat(items.get(0).contains(JsonPointer.of("features/compute"))).isFalse();
    assertThat(items.get(0).getValue("attributes/name")).contains(JsonValue.of("Server 1"));
    assertThat(
            gateway
                .get("/api/2/timeseries/" + SERVER + "/features/kpi/properties/pue", PLANNER)
                .status())
        .isEqualTo(200);
  }

  @Test
  void plannerCampusHistoryNeverCarriesComputeValues() throws Exception {
    put("/features/compute/properties/powerW", "320");
    put("/features/kpi/properties/pue", "1.3");
    Instant now = gateway.clock.instant();
    String window =
        "from-historical-timestamp="
            + now.minusSeconds(60)
            + "&to-historical-timestamp="
            + now.plusSeconds(60);

    var admin = gateway.getEvents("/api/2/things?" + window, ADMIN);
    var planner = gateway.getEvents("/api/2/things?" + window, PLANNER);

    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.text()).contains("\"powerW\":320", "\"pue\":1.3");
    assertThat(planner.status()).isEqualTo(200);
    assertThat(planner.text()).doesNotContain("compute").contains("\"pue\":1.3");
  }

  @Test
  void requestsWithoutCredentialsAreUnauthorized() throws Exception {
    var r = gateway.get(THING, null);

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.error()).isEqualTo("gateway:authentication.failed");
    assertThat(gateway.webSocketText("/ws/2", null)).isEqualTo("rejected 401");
  }

  private void put(String path, String body) throws Exception {
    assertThat(gateway.send(HttpMethod.PUT, THING + path, ADMIN, body).status()).isEqualTo(204);
  }

  private long revision() throws Exception {
    return gateway
        .get(THING + "?fields=_revision", ADMIN)
        .object()
        .getValue("_revision")
        .orElseThrow()
        .asLong();
  }

  private static List<JsonObject> items(JsonObject result) {
    return result.getValue("items").orElseThrow().asArray().stream()
        .map(JsonValue::asObject)
        .toList();
  }
}
