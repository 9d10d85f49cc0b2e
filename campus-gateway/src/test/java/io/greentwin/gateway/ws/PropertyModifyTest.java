package io.greentwin.gateway.ws;

import static io.greentwin.gateway.ws.TwoWays.id;
import static io.greentwin.gateway.ws.TwoWays.twin;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.GatewayHarness;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.ditto.policies.model.PolicyId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A property modify read without Ditto's adapter ({@link PropertyModify}) does exactly what the
 * same command does through the adapter: two gateways with the same twins and policies get the same
 * messages, one of them each with an extra header that sends it the general way; their replies
 * (texts), twins and events must be the same — for a changed property (204), a new property (201
 * with its value), numbers, strings and booleans, a missing feature (404), a missing twin (404), a
 * subject without WRITE on the feature (403), and keys and feature ids that are not plain names
 * (the general way on both: a key with a space is valid, a feature id with one is not).
 */
class PropertyModifyTest {
  private static final String NS = GatewayHarness.NAMESPACE;
  private static final String ADMIN = GatewayHarness.basic("admin", "admin");
  private static final String OPERATOR = GatewayHarness.basic("operator", "operator");
  private static final String PLANNER = GatewayHarness.basic("planner", "planner");
  private static final PolicyId PARTIAL = PolicyId.of(NS, "partial-modify");

  private TwoWays ways;

  @BeforeEach
  void start() throws Exception {
    ways = new TwoWays(PARTIAL, Map.of(id("r1"), twin(null), id("p1"), twin(PARTIAL)));
  }

  @AfterEach
  void stop() throws Exception {
    ways.close();
  }

  @Test
  void answersChangesAndPublishesExactlyAsTheGeneralWay() throws Exception {
    same(ADMIN, "r1", "/features/coolant/properties/supplyTempC", 46.5);
    same(ADMIN, "r1", "/features/coolant/properties/supplyTempC", 47);
    same(ADMIN, "r1", "/features/coolant/properties/returnTempC", 52.25);
    same(ADMIN, "r1", "/features/thermal/properties/mode", "eco");
    same(OPERATOR, "r1", "/features/thermal/properties/fanOn", true);
    same(ADMIN, "r1", "/features/absent/properties/x", 1);
    same(ADMIN, "missing", "/features/coolant/properties/supplyTempC", 1);
    same(PLANNER, "p1", "/features/coolant/properties/supplyTempC", 40);
    same(PLANNER, "p1", "/features/thermal/properties/inletTempC", 30);
    same(ADMIN, "r1", "/features/coolant/properties/bad key", 1);
    same(ADMIN, "r1", "/features/bad feature/properties/x", 1);
    ways.assertSameEventsAndTwins(7, List.of(id("r1"), id("p1")));
  }

  @Test
  void takesOnlyThePlainMessageTheFastWay() {
    PlainMessages.Parsed ids = new PlainMessages.Parsed();
    String property = "/features/coolant/properties/supplyTempC";
    JsonObject plain = message("r1", property, 45.5, false);
    assertThat(fast(plain, ids)).isPresent();
    assertThat(fast(plain, ids).orElseThrow().path().toString()).isEqualTo(property);
    assertThat(fast(plain.copy().put("revision", 3), ids)).isEmpty();
    JsonObject etag = plain.copy();
    etag.getJsonObject("headers").put("if-match", "*");
    assertThat(fast(etag, ids)).isEmpty();
    JsonObject v1 = plain.copy();
    v1.getJsonObject("headers").put("version", 1);
    assertThat(fast(v1, ids)).isEmpty();
    assertThat(fast(message("r1", "/features/coolant/properties/a/b", 1, false), ids)).isEmpty();
    assertThat(fast(message("r1", "/attributes/building", "B1", false), ids)).isEmpty();
    assertThat(fast(message("r1", property, new JsonObject().put("a", 1), false), ids)).isEmpty();
    JsonObject live = plain.copy().put("topic", NS + "/r1/things/live/commands/modify");
    assertThat(fast(live, ids)).isEmpty();
    JsonObject merge = plain.copy().put("topic", NS + "/r1/things/twin/commands/merge");
    assertThat(fast(merge, ids)).isEmpty();
  }

  private static Optional<PropertyModify> fast(JsonObject message, PlainMessages.Parsed ids) {
    org.eclipse.ditto.json.JsonObject envelope =
        org.eclipse.ditto.json.JsonObject.of(message.encode());
    return PropertyModify.of(envelope, message.getString("topic"), ids);
  }

  /** Sends the modify to both gateways and asserts the same reply text. */
  private void same(String user, String rack, String path, Object value) throws Exception {
    ways.assertSameReply(
        user, general -> message(rack, path, value, general).encode(), rack + " " + path);
  }

  /** What the Ditto client 2.4 sends for {@code putProperty}. */
  private static JsonObject message(String rack, String path, Object value, boolean general) {
    JsonObject headers =
        new JsonObject()
            .put("correlation-id", "c-" + rack + path.hashCode() + value)
            .put("version", 2)
            .put("response-required", true)
            .put("content-type", "application/json");
    if (general) {
      headers.put(TwoWays.GENERAL_WAY, "yes");
    }
    return new JsonObject()
        .put("topic", NS + "/" + rack + "/things/twin/commands/modify")
        .put("headers", headers)
        .put("path", path)
        .put("value", value);
  }
}
