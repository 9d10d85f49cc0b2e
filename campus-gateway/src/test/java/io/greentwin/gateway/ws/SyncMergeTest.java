package io.greentwin.gateway.ws;

import static io.greentwin.gateway.ws.TwoWays.id;
import static io.greentwin.gateway.ws.TwoWays.twin;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.GatewayHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.policies.model.PolicyId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync job's merge read without Ditto's adapter ({@link SyncMerge}) does exactly what the same
 * merge does through the adapter: two gateways with the same twins and policies get the same
 * messages, one of them each with an extra header that sends it the general way; their replies
 * (texts), twins (revision and timestamps included) and events must be the same — for applied
 * merges, an unmet condition (412), a condition on unreadable fields (412), an invalid condition
 * (400), a subject without WRITE on one of the merged features (403) or on any (403), a missing
 * twin (404) and invalid ids and keys (400, which take the general way on both).
 */
class SyncMergeTest {
  private static final String NS = GatewayHarness.NAMESPACE;
  private static final String ADMIN = GatewayHarness.basic("admin", "admin");
  private static final String OPERATOR = GatewayHarness.basic("operator", "operator");
  private static final String OPS = GatewayHarness.basic("ops", "ops");
  private static final String PLANNER = GatewayHarness.basic("planner", "planner");
  private static final PolicyId PARTIAL = PolicyId.of(NS, "partial");

  private TwoWays ways;

  @BeforeEach
  void start() throws Exception {
    // Ditto's RQL parser takes seconds to load on a busy machine: not within a reply's time.
    RqlThingFilter.parse("exists(attributes/x)", DittoHeaders.empty());
    ways =
        new TwoWays(
            PARTIAL, Map.of(id("r1"), twin(null), id("r2"), twin(null), id("p1"), twin(PARTIAL)));
  }

  @AfterEach
  void stop() throws Exception {
    ways.close();
  }

  @Test
  void answersChangesAndPublishesExactlyAsTheGeneralWay() throws Exception {
    String t0 = "2026-06-21T11:00:10.000Z";
    String t1 = "2026-06-21T11:00:11.000Z";
    same(ADMIN, "r1", patch("coolant", "supplyTempC", 45.5, t1), condition(Map.of("coolant", t1)));
    same(ADMIN, "r1", patch("coolant", "supplyTempC", 44, t0), condition(Map.of("coolant", t0)));
    same(
        ADMIN,
        "r2",
        patch("coolant", "supplyTempC", 46, t1).put("thermal", feature("inletTempC", 25, t1)),
        "and(" + condition(Map.of("coolant", t1)) + "," + condition(Map.of("thermal", t1)) + ")");
    same(ADMIN, "r2", patch("thermal", "fanOn", true, t1), null);
    same(ADMIN, "r2", patch("thermal", "mode", "eco", t1), "le(features/thermal/properties/x");
    same(ADMIN, "missing", patch("coolant", "supplyTempC", 1, t1), null);
    same(OPERATOR, "r1", patch("coolant", "supplyTempC", 47, t1), null);
    same(OPS, "r1", patch("coolant", "supplyTempC", 48, t1), null);
    same(PLANNER, "p1", patch("coolant", "supplyTempC", 49, t1), condition(Map.of("coolant", t1)));
    same(
        PLANNER,
        "p1",
        patch("coolant", "supplyTempC", 50, t1).put("thermal", feature("inletTempC", 26, t1)),
        null);
    same(PLANNER, "p1", patch("coolant", "supplyTempC", 51, t1), condition(Map.of("compute", t1)));
    same(ADMIN, "r1", patch("coolant", "bad/key", 1, t1), null);
    same(ADMIN, "r1", patch("bad feature", "x", 1, t1), null);
    ways.assertSameEventsAndTwins(6, List.of(id("r1"), id("r2"), id("p1")));
  }

  @Test
  void takesOnlyTheSyncJobsMessageTheFastWay() {
    PlainMessages.Parsed ids = new PlainMessages.Parsed();
    JsonObject plain = message("r1", patch("coolant", "supplyTempC", 1, "t"), "exists(x)", false);
    assertThat(fast(plain, ids)).isPresent();
    assertThat(fast(plain.copy().put("revision", 3), ids)).isEmpty();
    JsonObject other = plain.copy();
    other.getJsonObject("headers").put("if-match", "*");
    assertThat(fast(other, ids)).isEmpty();
    JsonObject path = plain.copy().put("path", "/features");
    assertThat(fast(path, ids)).isEmpty();
    JsonObject nested =
        message(
            "r1",
            new JsonObject()
                .put(
                    "coolant",
                    new JsonObject()
                        .put("properties", new JsonObject().put("a", new JsonObject()))),
            null,
            false);
    assertThat(fast(nested, ids)).isEmpty();
    JsonObject modify = plain.copy().put("topic", NS + "/r1/things/twin/commands/modify");
    assertThat(fast(modify, ids)).isEmpty();
  }

  private static Optional<SyncMerge> fast(JsonObject message, PlainMessages.Parsed ids) {
    org.eclipse.ditto.json.JsonObject envelope =
        org.eclipse.ditto.json.JsonObject.of(message.encode());
    return SyncMerge.of(envelope, message.getString("topic"), ids);
  }

  /** Sends the merge to both gateways and asserts the same reply text. */
  private void same(String user, String rack, JsonObject features, String condition)
      throws Exception {
    ways.assertSameReply(
        user,
        general -> message(rack, features, condition, general).encode(),
        rack + " " + features);
  }

  private static JsonObject message(
      String rack, JsonObject features, String condition, boolean general) {
    JsonObject headers =
        new JsonObject()
            .put("correlation-id", "greentwin-sync-" + rack + features.hashCode())
            .put("response-required", true)
            .put("requested-acks", new JsonArray().add("twin-persisted"))
            .put("content-type", "application/merge-patch+json");
    if (condition != null) {
      headers.put("condition", condition);
    }
    if (general) {
      headers.put(TwoWays.GENERAL_WAY, "yes");
    }
    return new JsonObject()
        .put("topic", NS + "/" + rack + "/things/twin/commands/merge")
        .put("headers", headers)
        .put("path", "/")
        .put("value", new JsonObject().put("features", features));
  }

  private static JsonObject patch(String feature, String property, Object value, String at) {
    return new JsonObject().put(feature, feature(property, value, at));
  }

  private static JsonObject feature(String property, Object value, String at) {
    return new JsonObject()
        .put("properties", new JsonObject().put(property, value).put("observedAt", at));
  }

  private static String condition(Map<String, String> oldest) {
    var e = oldest.entrySet().iterator().next();
    String field = "features/" + e.getKey() + "/properties/observedAt";
    return "or(not(exists(" + field + ")),le(" + field + ",\"" + e.getValue() + "\"))";
  }
}
