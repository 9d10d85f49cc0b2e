package io.greentwin.gateway.things;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.things.GatewayFixture.Response;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code If-Match} / {@code If-None-Match} on reads (412 / 304) and writes (412), and the RQL
 * {@code condition}: a request that fails them changes nothing and emits no event.
 */
class ThingsApiConditionalTest {
  static final String RACK = "greentwin.test:k01";
  static final String URI = "/api/2/things/" + RACK;
  static final String SUPPLY = URI + "/features/coolant/properties/supplyTempC";

  final GatewayFixture gw = new GatewayFixture();

  @BeforeEach
  void createRack() {
    gw.create(
        RACK,
        """
        {"attributes":{"name":"k01"},
         "features":{"coolant":{"properties":{"supplyTempC":45.0}}}}""");
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  static String condition(String rql) {
    return "?condition=" + URLEncoder.encode(rql, StandardCharsets.UTF_8);
  }

  void assertUnchanged() {
    assertThat(gw.revision(RACK)).isEqualTo(1);
    assertThat(gw.events).hasSize(1);
  }

  @Test
  void readWithIfNoneMatchOfTheCurrentETagIs304WithTheETagAndNoBody() {
    Response r = gw.get(URI, "If-None-Match", "\"rev:1\"");

    assertThat(r.status()).isEqualTo(304);
    assertThat(r.etag()).isEqualTo("\"rev:1\"");
    assertThat(r.body()).isEmpty();
    assertThat(gw.get(URI, "If-None-Match", "\"rev:0\"").status()).isEqualTo(200);
  }

  @Test
  void readWithIfNoneMatchOfASubResourceHashIs304() {
    String tag = gw.get(URI + "/attributes").etag();

    assertThat(gw.get(URI + "/attributes", "If-None-Match", tag).status()).isEqualTo(304);
    assertThat(gw.get(URI + "/attributes", "If-None-Match", "*").status()).isEqualTo(304);
  }

  @Test
  void readWithIfMatchOfAnotherETagIs412PreconditionFailed() {
    Response r = gw.get(URI, "If-Match", "\"rev:7\"");

    assertThat(r.status()).isEqualTo(412);
    assertThat(r.error()).isEqualTo("things:precondition.failed");
    assertThat(r.etag()).isEqualTo("\"rev:1\"");
    assertThat(gw.get(URI, "If-Match", "*").status()).isEqualTo(200);
    assertThat(gw.get(URI, "If-Match", "\"rev:7\", \"rev:1\"").status()).isEqualTo(200);
  }

  @Test
  void writeWithAStaleIfMatchIs412AndChangesNothing() {
    Response r = gw.put(SUPPLY, "46.0", "If-Match", "\"rev:0\"");

    assertThat(r.status()).isEqualTo(412);
    assertThat(r.error()).isEqualTo("things:precondition.failed");
    assertUnchanged();
  }

  @Test
  void writeWithTheCurrentThingETagSucceedsAndAnOldOneThenFails() {
    Response first = gw.patch(URI, "{\"attributes\":{\"row\":\"r01\"}}", "If-Match", "\"rev:1\"");
    assertThat(first.status()).isEqualTo(204);
    assertThat(first.etag()).isEqualTo("\"rev:2\"");

    Response second = gw.patch(URI, "{\"attributes\":{\"row\":\"r02\"}}", "If-Match", "\"rev:1\"");
    assertThat(second.status()).isEqualTo(412);
    assertThat(second.etag()).isEqualTo("\"rev:2\"");
    assertThat(gw.revision(RACK)).isEqualTo(2);
  }

  @Test
  void writeOfASubResourceChecksItsOwnHashETag() {
    String tag = gw.get(SUPPLY).etag();

    assertThat(gw.put(SUPPLY, "46.0", "If-Match", tag).status()).isEqualTo(204);
    Response stale = gw.put(SUPPLY, "47.0", "If-Match", tag);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.etag()).isEqualTo(gw.get(SUPPLY).etag()).isNotEqualTo(tag);
    assertThat(gw.get(SUPPLY).json()).isEqualTo(JsonValue.of(46.0));
  }

  @Test
  void ifMatchStarOnAMissingResourceIs412AndIfNoneMatchStarCreatesOnlyOnce() {
    assertThat(gw.put(URI + "/attributes/row", "\"r01\"", "If-Match", "*").status()).isEqualTo(412);
    assertUnchanged();

    assertThat(gw.put(URI + "/attributes/row", "\"r01\"", "If-None-Match", "*").status())
        .isEqualTo(201);
    Response again = gw.put(URI + "/attributes/row", "\"r02\"", "If-None-Match", "*");
    assertThat(again.status()).isEqualTo(412);
    assertThat(again.error()).isEqualTo("things:precondition.failed");
    assertThat(gw.get(URI + "/attributes/row").json()).isEqualTo(JsonValue.of("r01"));
  }

  @Test
  void putOfANewThingWithIfNoneMatchStarCreatesItButNeverReplacesIt() {
    String other = "/api/2/things/greentwin.test:k02";

    assertThat(gw.put(other, "{}", "If-None-Match", "*").status()).isEqualTo(201);
    assertThat(gw.put(URI, "{}", "If-None-Match", "*").status()).isEqualTo(412);
    assertThat(gw.get(URI + "/attributes/name").json()).isEqualTo(JsonValue.of("k01"));
  }

  @Test
  void concurrentWritesWithTheSameIfMatchLetExactlyOneThrough() {
    String tag = gw.get(SUPPLY).etag();
    List<Future<Response>> racing = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      racing.add(
          gw.sendAsync(
              HttpMethod.PUT, SUPPLY, String.valueOf(50 + i), "application/json", "If-Match", tag));
    }

    List<Integer> statuses =
        racing.stream().map(f -> GatewayFixture.await(f).status()).sorted().toList();

    assertThat(statuses).containsExactly(204, 412, 412, 412, 412, 412, 412, 412);
    assertThat(gw.revision(RACK)).isEqualTo(2);
    assertThat(gw.events).hasSize(2);
  }

  @Test
  void deleteWithAStaleIfMatchIs412AndKeepsTheThing() {
    Response r = gw.delete(URI, "If-Match", "\"rev:3\"");

    assertThat(r.status()).isEqualTo(412);
    assertThat(gw.get(URI).status()).isEqualTo(200);
    assertUnchanged();
  }

  @Test
  void malformedIfMatchIs400HeaderInvalid() {
    Response r = gw.put(SUPPLY, "46.0", "If-Match", "rev:1");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("header.invalid");
    assertUnchanged();
  }

  @Test
  void writeWhoseConditionIsMetIsApplied() {
    Response r = gw.put(SUPPLY + condition("gt(features/coolant/properties/supplyTempC,40)"), "41");

    assertThat(r.status()).isEqualTo(204);
    assertThat(gw.get(SUPPLY).json()).isEqualTo(JsonValue.of(41));
  }

  @Test
  void writeWhoseConditionIsNotMetIs412ConditionFailedWithoutChangeOrEvent() {
    Response r =
        gw.put(SUPPLY + condition("and(eq(attributes/name,\"k01\"),lt(_revision,1))"), "41");

    assertThat(r.status()).isEqualTo(412);
    assertThat(r.error()).isEqualTo("things:condition.failed");
    assertUnchanged();
  }

  @Test
  void conditionIsAlsoTakenFromTheConditionHeader() {
    Response r = gw.delete(URI + "/attributes/name", "condition", "eq(attributes/name,\"other\")");

    assertThat(r.status()).isEqualTo(412);
    assertThat(r.error()).isEqualTo("things:condition.failed");
    assertThat(gw.delete(URI + "/attributes/name", "condition", "exists(attributes/name)").status())
        .isEqualTo(204);
  }

  @Test
  void readWhoseConditionIsNotMetIs412() {
    assertThat(gw.get(URI + condition("eq(attributes/name,\"k01\")")).status()).isEqualTo(200);
    Response r = gw.get(URI + "/attributes" + condition("eq(attributes/name,\"k02\")"));
    assertThat(r.status()).isEqualTo(412);
    assertThat(r.error()).isEqualTo("things:condition.failed");
  }

  @Test
  void invalidConditionIs400ConditionInvalidAndChangesNothing() {
    Response r = gw.patch(URI + condition("eq(attributes/name"), "{\"attributes\":{\"a\":1}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("things:condition.invalid");
    assertThat(gw.get(URI + condition("foo(bar)")).error()).isEqualTo("things:condition.invalid");
    assertUnchanged();
  }
}
