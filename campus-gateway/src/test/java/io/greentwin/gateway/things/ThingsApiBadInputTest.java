package io.greentwin.gateway.things;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.things.GatewayFixture.Response;
import io.vertx.core.http.HttpMethod;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad requests get Ditto's 4xx error JSON ({@code status}, {@code error}, {@code message}, {@code
 * description}) and change nothing; no stack trace reaches the client.
 */
class ThingsApiBadInputTest {
  static final String RACK = "greentwin.test:k01";
  static final String URI = "/api/2/things/" + RACK;

  final GatewayFixture gw = new GatewayFixture();

  @BeforeEach
  void createRack() {
    gw.create(RACK, "{\"attributes\":{\"name\":\"k01\"},\"features\":{\"fan\":{}}}");
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  /** Asserts Ditto's error JSON with this status and code, and that the rack is untouched. */
  void assertRejected(Response r, int status, String error) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.object().getValue("status")).contains(JsonValue.of(status));
    assertThat(r.error()).isEqualTo(error);
    assertThat(r.object().contains("message")).isTrue();
    assertThat(r.object().contains("description")).isTrue();
    assertThat(r.body()).doesNotContain("\tat ", "Exception:");
    assertThat(gw.revision(RACK)).isEqualTo(1);
    assertThat(gw.events).hasSize(1);
  }

  @Test
  void patchWithoutTheMergePatchMediaTypeIs415() {
    assertRejected(
        gw.send(HttpMethod.PATCH, URI, "{\"attributes\":{}}", "application/json"),
        415,
        "mediatype.unsupported");
    assertRejected(
        gw.send(HttpMethod.PATCH, URI + "/attributes/name", "\"x\"", null),
        415,
        "mediatype.unsupported");
  }

  @Test
  void putWithANonJsonMediaTypeIs415() {
    assertRejected(
        gw.send(HttpMethod.PUT, URI + "/attributes/name", "\"x\"", "text/plain"),
        415,
        "mediatype.unsupported");
  }

  @Test
  void jsonWithACharsetParameterIsAccepted() {
    Response r =
        gw.send(
            HttpMethod.PUT, URI + "/attributes/name", "\"x\"", "application/json; charset=utf-8");

    assertThat(r.status()).isEqualTo(204);
  }

  @Test
  void bodyOverTheLimitIs413ThingTooLargeAndCreatesNothing() {
    String big =
        "{\"attributes\":{\"blob\":\"" + "x".repeat((int) GatewayFixture.BODY_LIMIT) + "\"}}";

    assertRejected(gw.put(URI, big), 413, "things:thing.toolarge");
    Response r = gw.put("/api/2/things/greentwin.test:big", big);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.object().getValue("message").orElseThrow().asString())
        .contains("maximal allowed Thing size of '4' kB");
    assertThat(gw.get("/api/2/things/greentwin.test:big").status()).isEqualTo(404);
  }

  @Test
  void malformedJsonIs400JsonInvalidAtEveryDepth() {
    assertRejected(gw.put(URI, "{\"attributes\":"), 400, "json.invalid");
    assertRejected(gw.put(URI + "/attributes/name", "k02"), 400, "json.invalid");
    assertRejected(gw.put(URI + "/attributes/name", ""), 400, "json.invalid");
    assertRejected(gw.patch(URI + "/attributes", "{\"a\":1}}"), 400, "json.invalid");
    assertRejected(gw.post("/api/2/things", "[1,"), 400, "json.invalid");
  }

  @Test
  void valueOfTheWrongTypeForTheResourceIs400() {
    Response r = gw.put(URI + "/attributes", "5");

    assertThat(r.status()).isEqualTo(400);
    assertThat(gw.revision(RACK)).isEqualTo(1);
  }

  @Test
  void invalidThingIdIs400IdInvalid() {
    assertRejected(gw.get("/api/2/things/no-namespace"), 400, "things:id.invalid");
    assertRejected(gw.put("/api/2/things/bad%20id/attributes/a", "1"), 400, "things:id.invalid");
    assertRejected(gw.get("/api/2/things?ids=greentwin.test:k01,nope"), 400, "things:id.invalid");
    assertRejected(gw.post("/api/2/things?namespace=bad%20ns", "{}"), 400, "things:id.invalid");
  }

  @Test
  void unknownSubResourceIs404() {
    assertRejected(gw.get(URI + "/nope"), 404, "gateway:route.notfound");
    assertRejected(gw.put(URI + "/features/fan/nope", "1"), 404, "gateway:route.notfound");
    assertRejected(gw.put(URI + "/policyId/x", "1"), 404, "gateway:route.notfound");
    assertRejected(gw.delete(URI + "/_policy"), 404, "gateway:route.notfound");
    assertRejected(gw.get(URI + "//attributes"), 404, "gateway:route.notfound");
  }

  @Test
  void methodTheResourceDoesNotTakeIs405() {
    Response r = gw.send(HttpMethod.POST, URI + "/attributes", "{}", "application/json");
    assertRejected(r, 405, "gateway:method.notallowed");
    assertThat(r.headers().get("Allow")).isEqualTo("DELETE, GET, PATCH, PUT");
    assertRejected(gw.delete(URI + "/policyId"), 405, "gateway:method.notallowed");
    assertRejected(gw.delete("/api/2/things"), 405, "gateway:method.notallowed");
  }

  @Test
  void invalidHistoricalHeadersAre400HeaderInvalid() {
    assertRejected(gw.get(URI, "at-historical-revision", "two"), 400, "header.invalid");
    assertRejected(gw.get(URI, "at-historical-timestamp", "yesterday"), 400, "header.invalid");
  }
}
