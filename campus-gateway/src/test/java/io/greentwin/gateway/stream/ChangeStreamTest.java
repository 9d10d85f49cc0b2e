package io.greentwin.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.HttpApi;
import io.greentwin.gateway.search.TestGateway;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ditto's SSE change stream over HTTP, against the real gateway and in-memory twins. */
class ChangeStreamTest {
  static final Duration WAIT = Duration.ofSeconds(5);
  TestGateway gateway;
  ChangeHub hub;

  @BeforeEach
  void start() {
    gateway =
        TestGateway.start(
            g -> {
              hub = new ChangeHub(g.twins);
              HttpApi rest =
                  router ->
                      router
                          .get("/api/2/things/:thingId")
                          .handler(ctx -> ctx.response().end("rest"));
              return List.of(new StreamApi(hub, Duration.ofMillis(200)), rest);
            });
    gateway.put(
        "campus.a:rack-01",
        "{\"attributes\":{\"row\":1},\"features\":{\"power\":{\"properties\":{\"kw\":4.0}}}}");
    gateway.put("campus.b:pump-01", "{\"attributes\":{\"row\":9}}");
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void receivesAChangeMadeAfterSubscribingAsTheChangedPartOfTheThing() {
    try (SseClient sse = SseClient.open(gateway, "/api/2/things")) {
      assertThat(sse.response.statusCode()).isEqualTo(200);
      assertThat(sse.response.getHeader("content-type")).isEqualTo("text/event-stream");
      gateway.set("campus.a:rack-01", "/features/power/properties/kw", "5.5");
      assertThat(sse.next(WAIT))
          .isEqualTo(
              JsonFactory.readFrom(
                  """
                  {"thingId":"campus.a:rack-01","features":{"power":{"properties":{"kw":5.5}}}}"""));
    }
  }

  @Test
  void sendsOnlyChangesMatchingTheFilterAndIds() {
    String filter = enc("gt(features/power/properties/kw,5)");
    try (SseClient sse =
        SseClient.open(gateway, "/api/2/things?ids=campus.a:rack-01&filter=" + filter)) {
      gateway.set("campus.a:rack-01", "/features/power/properties/kw", "4.5");
      gateway.put("campus.b:pump-01", "{\"features\":{\"power\":{\"properties\":{\"kw\":9}}}}");
      gateway.set("campus.a:rack-01", "/features/power/properties/kw", "6.5");
      JsonObject only = sse.next(WAIT);
      assertThat(only.getValue("features/power/properties/kw")).contains(JsonValue.of(6.5));
      assertThat(only.getValue("thingId")).contains(JsonValue.of("campus.a:rack-01"));
      assertThat(sse.drain()).isEmpty();
    }
  }

  @Test
  void projectsTheRequestedFieldsAndSkipsChangesOutsideThem() {
    try (SseClient sse =
        SseClient.open(gateway, "/api/2/things?fields=thingId,attributes,_revision")) {
      gateway.set("campus.a:rack-01", "/features/power/properties/kw", "7");
      gateway.set("campus.a:rack-01", "/attributes/row", "2");
      assertThat(sse.next(WAIT))
          .isEqualTo(JsonFactory.readFrom("{\"thingId\":\"campus.a:rack-01\",\"_revision\":2}"));
      assertThat(sse.next(WAIT))
          .isEqualTo(
              JsonFactory.readFrom(
                  "{\"thingId\":\"campus.a:rack-01\",\"attributes\":{\"row\":2},\"_revision\":3}"));
    }
  }

  @Test
  void filtersByNamespaceAndByDittoPlaceholders() {
    String filter = enc("eq(topic:action,'deleted')");
    try (SseClient byNamespace = SseClient.open(gateway, "/api/2/things?namespaces=campus.b");
        SseClient deletions = SseClient.open(gateway, "/api/2/things?filter=" + filter)) {
      gateway.set("campus.a:rack-01", "/attributes/row", "3");
      gateway.set("campus.b:pump-01", "/attributes/row", "8");
      gateway.delete("campus.a:rack-01", "/attributes/row");
      assertThat(byNamespace.next(WAIT).getValue("thingId"))
          .contains(JsonValue.of("campus.b:pump-01"));
      assertThat(deletions.next(WAIT))
          .isEqualTo(JsonFactory.readFrom("{\"thingId\":\"campus.a:rack-01\"}"));
      assertThat(byNamespace.drain()).isEmpty();
      assertThat(deletions.drain()).isEmpty();
    }
  }

  @Test
  void streamsOneThingAtItsOwnPath() {
    try (SseClient sse = SseClient.open(gateway, "/api/2/things/campus.b:pump-01")) {
      gateway.set("campus.a:rack-01", "/attributes/row", "4");
      gateway.set("campus.b:pump-01", "/attributes/row", "7");
      assertThat(sse.next(WAIT).getValue("attributes/row")).contains(JsonValue.of(7));
      assertThat(sse.drain()).isEmpty();
    }
  }

  @Test
  void sendsHeartbeatsWhileIdleAndUnsubscribesWhenTheClientGoes() {
    SseClient sse = SseClient.open(gateway, "/api/2/things");
    TestGateway.eventually(WAIT, () -> sse.heartbeats() >= 2);
    assertThat(hub.sinkCount()).isEqualTo(1);
    sse.close();
    TestGateway.eventually(WAIT, () -> hub.sinkCount() == 0);
  }

  @Test
  void leavesRequestsWithoutEventStreamAcceptToTheRestRoutes() {
    assertThat(
            gateway
                .get(
                    "/api/2/things/campus.a:rack-01",
                    TestGateway.pairs(),
                    TestGateway.pairs("Accept", "application/json"))
                .bodyAsString())
        .isEqualTo("rest");
    assertThat(
            gateway
                .get(
                    "/api/2/things/campus.a:rack-01",
                    TestGateway.pairs(),
                    TestGateway.pairs("Accept", "*/*"))
                .bodyAsString())
        .isEqualTo("rest");
  }

  @Test
  void rejectsAnInvalidFilterBeforeStreamingWithDittosError() {
    var r =
        gateway.get(
            "/api/2/things",
            TestGateway.pairs("filter", "eq(attributes/row"),
            TestGateway.pairs("Accept", "text/event-stream"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("rql.expression.invalid");
    var badId =
        gateway.get(
            "/api/2/things",
            TestGateway.pairs("ids", "no-namespace"),
            TestGateway.pairs("Accept", "text/event-stream"));
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.bodyAsJsonObject().getString("error")).isEqualTo("things:id.invalid");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
