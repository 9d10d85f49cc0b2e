package io.greentwin.gateway.ws;

import static io.greentwin.gateway.ws.WsProbe.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinWrite;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync job's conditional merges ({@link ObservedAt}) against the real gateway over {@code
 * /ws/2}: a merge older than what the twin holds is refused with Ditto's 412 {@code
 * things:condition.failed} and changes nothing; one as new or newer applies.
 */
class ObservedAtConditionTest {
  private static final ThingId RACK = ThingId.of("greentwin.test", "b1-h1-r01-k01");
  private static final Instant T = Instant.parse("2026-06-21T11:00:10Z");

  private final Vertx vertx = Vertx.vertx();
  private final InMemoryTwinService twins = new InMemoryTwinService(Clock.systemUTC());
  private WsProbe ws;
  private int sent;

  @BeforeEach
  void start() throws Exception {
    // Ditto's RQL parser takes seconds to load on a busy machine: not within a reply's 5 s.
    RqlThingFilter.parse(
        ObservedAt.condition(Map.of("coolant", 0L)),
        org.eclipse.ditto.base.model.headers.DittoHeaders.empty());
    GatewayVerticle gateway =
        new GatewayVerticle(GatewayConfig.loopbackEphemeral(), List.of(new WebSocketApi(twins)));
    await(vertx.deployVerticle(gateway));
    ws = WsProbe.connect(vertx, gateway.actualPort());
    twins
        .write(
            TwinWrite.put(
                RACK,
                JsonPointer.empty(),
                org.eclipse.ditto.json.JsonObject.of(
                    "{\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":45.3,"
                        + "\"observedAt\":\""
                        + ObservedAt.format(T.toEpochMilli())
                        + "\"}},\"thermal\":{\"properties\":{\"inletTempC\":24}}}}"),
                "test"))
        .get();
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void refusesAMergeOlderThanTheTwinWithConditionFailedAndChangesNothing() throws Exception {
    // 11:00:09.999 sorts before 11:00:10.000 as text too: fixed width, millis, Z.
    JsonObject response = merge("coolant", 45.1, T.minusMillis(1));
    assertThat(response.getInteger("status")).isEqualTo(412);
    assertThat(response.getJsonObject("value").getString("error"))
        .isEqualTo("things:condition.failed");
    assertThat(coolant())
        .isEqualTo(Map.of("supplyTempC", 45.3, "observedAt", "2026-06-21T11:00:10.000Z"));
  }

  @Test
  void appliesAMergeAsNewOrNewerThanTheTwinAndOneToAFeatureWithoutObservedAt() throws Exception {
    assertThat(merge("coolant", 45.2, T).getInteger("status")).isEqualTo(204);
    assertThat(coolant().get("supplyTempC")).isEqualTo(45.2);
    assertThat(merge("coolant", 45.4, T.plusSeconds(30)).getInteger("status")).isEqualTo(204);
    assertThat(coolant())
        .isEqualTo(Map.of("supplyTempC", 45.4, "observedAt", "2026-06-21T11:00:40.000Z"));
    assertThat(merge("thermal", 25, T.minusSeconds(3600)).getInteger("status")).isEqualTo(204);
  }

  @Test
  void refusesAMergeOfSeveralFeaturesWhenAnyOfThemIsStale() throws Exception {
    Map<String, Long> oldest = new TreeMap<>();
    oldest.put("coolant", T.minusSeconds(30).toEpochMilli());
    oldest.put("thermal", T.toEpochMilli());
    JsonObject value =
        new JsonObject()
            .put(
                "features",
                new JsonObject()
                    .put("coolant", feature("supplyTempC", 40, T.minusSeconds(30)))
                    .put("thermal", feature("inletTempC", 26, T)));
    JsonObject response = send(value, ObservedAt.condition(oldest));
    assertThat(response.getInteger("status")).isEqualTo(412);
    assertThat(coolant().get("supplyTempC")).isEqualTo(45.3);
  }

  private JsonObject merge(String featureId, double value, Instant observedAt) throws Exception {
    JsonObject json =
        new JsonObject()
            .put(
                "features",
                new JsonObject()
                    .put(
                        featureId,
                        feature(
                            featureId.equals("coolant") ? "supplyTempC" : "inletTempC",
                            value,
                            observedAt)));
    return send(json, ObservedAt.condition(Map.of(featureId, observedAt.toEpochMilli())));
  }

  private static JsonObject feature(String property, double value, Instant observedAt) {
    return new JsonObject()
        .put(
            "properties",
            new JsonObject()
                .put(property, value)
                .put(ObservedAt.PROPERTY, ObservedAt.format(observedAt.toEpochMilli())));
  }

  private JsonObject send(JsonObject value, String condition) throws Exception {
    String cid = "c-" + ++sent;
    ws.send(
        new JsonObject()
            .put("topic", "greentwin.test/b1-h1-r01-k01/things/twin/commands/merge")
            .put(
                "headers",
                new JsonObject()
                    .put("correlation-id", cid)
                    .put("response-required", true)
                    .put("content-type", "application/merge-patch+json")
                    .put("condition", condition))
            .put("path", "/")
            .put("value", value));
    JsonObject response = ws.nextJson();
    assertThat(response.getJsonObject("headers").getString("correlation-id")).isEqualTo(cid);
    return response;
  }

  private Map<String, Object> coolant() {
    return new JsonObject(
            twins
                .get(RACK)
                .orElseThrow()
                .getFeatures()
                .flatMap(f -> f.getFeature("coolant"))
                .orElseThrow()
                .getProperties()
                .orElseThrow()
                .toString())
        .getMap();
  }
}
