package io.greentwin.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.search.TestGateway;
import io.greentwin.gateway.stream.SseClient;
import io.greentwin.gateway.stream.StreamApi;
import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ditto's historical SSE stream of one thing, against the real gateway. */
class HistoricalStreamTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String RACK = "campus.a:rack-01";
  static final String OTHER = "campus.a:rack-02";
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        TestGateway.start(g -> List.of(new StreamApi(g.twins), new HistoryApi(g.twins, g.clock)));
    gateway.put(RACK, "{\"features\":{\"power\":{\"properties\":{\"kw\":1}}}}"); // rev 1 at T0
    gateway.clock.advanceSeconds(60);
    gateway.set(RACK, "/features/power/properties/kw", "2"); // rev 2 at T0+60s
    gateway.put(OTHER, "{\"attributes\":{\"row\":1}}"); // other's rev 1 at T0+60s
    gateway.clock.advanceSeconds(60);
    gateway.set(RACK, "/attributes", "{\"row\":5}"); // rev 3 at T0+120s
    gateway.clock.advanceSeconds(60);
    gateway.set(RACK, "/features/power/properties/kw", "3"); // rev 4 at T0+180s
    gateway.clock.advanceSeconds(60);
    gateway.set(RACK, "/features/power/properties/kw", "4"); // rev 5 at T0+240s
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void streamsTheEventsOfARevisionRangeInOrderThenCompletes() {
    try (SseClient sse =
        SseClient.open(
            gateway,
            "/api/2/things/"
                + RACK
                + "?from-historical-revision=2&to-historical-revision=4&fields=thingId,_revision")) {
      assertThat(sse.response.statusCode()).isEqualTo(200);
      assertThat(revisions(sse.awaitEnd(WAIT))).containsExactly(2L, 3L, 4L);
    }
  }

  @Test
  void streamsUpToTheCurrentRevisionWhenNoEndIsGiven() {
    try (SseClient sse =
        SseClient.open(gateway, "/api/2/things/" + RACK + "?from-historical-revision=0")) {
      List<JsonObject> events = sse.awaitEnd(WAIT);
      assertThat(events).hasSize(5);
      assertThat(events.get(1))
          .isEqualTo(
              JsonFactory.readFrom(
                  "{\"thingId\":\"campus.a:rack-01\",\"features\":{\"power\":{\"properties\":{\"kw\":2}}}}"));
    }
  }

  @Test
  void streamsTheEventsOfATimestampRangeGivenAsHeaders() {
    try (SseClient sse =
        SseClient.open(
            gateway,
            "/api/2/things/" + RACK + "?fields=_revision,_modified",
            "from-historical-timestamp",
            TestGateway.T0.plusSeconds(60).toString(),
            "to-historical-timestamp",
            TestGateway.T0.plusSeconds(180).toString())) {
      List<JsonObject> events = sse.awaitEnd(WAIT);
      assertThat(revisions(events)).containsExactly(2L, 3L, 4L);
      assertThat(events.get(0).getValue("_modified"))
          .contains(JsonValue.of(TestGateway.T0.plusSeconds(60).toString()));
    }
  }

  @Test
  void appliesTheFilterAndFieldsToTheHistory() {
    String filter = URLEncoder.encode("gt(features/power/properties/kw,2)", StandardCharsets.UTF_8);
    try (SseClient sse =
        SseClient.open(
            gateway,
            "/api/2/things/"
                + RACK
                + "?from-historical-revision=1&filter="
                + filter
                + "&fields=features/power/properties/kw,_revision")) {
      assertThat(sse.awaitEnd(WAIT))
          .containsExactly(
              JsonFactory.newObject(
                  "{\"features\":{\"power\":{\"properties\":{\"kw\":3}}},\"_revision\":4}"),
              JsonFactory.newObject(
                  "{\"features\":{\"power\":{\"properties\":{\"kw\":4}}},\"_revision\":5}"));
    }
  }

  @Test
  void answersDittosNotFoundForAThingWithoutHistory() {
    var r =
        gateway.get(
            "/api/2/things/campus.a:never",
            TestGateway.pairs("from-historical-revision", "0"),
            TestGateway.pairs("Accept", "text/event-stream"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("things:thing.notfound");
  }

  @Test
  void rejectsABadRangeWithA400() {
    var notANumber =
        gateway.get(
            "/api/2/things/" + RACK,
            TestGateway.pairs("from-historical-revision", "two"),
            TestGateway.pairs("Accept", "text/event-stream"));
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.bodyAsJsonObject().getString("error")).isEqualTo("argument:invalid");
    var backwards =
        gateway.get(
            "/api/2/things/" + RACK,
            TestGateway.pairs("from-historical-revision", "4", "to-historical-revision", "2"),
            TestGateway.pairs("Accept", "text/event-stream"));
    assertThat(backwards.statusCode()).isEqualTo(400);
  }

  @Test
  void streamsTheChangesOfEveryThingInATimeWindowInCommitOrder() {
    try (SseClient sse =
        SseClient.open(
            gateway,
            "/api/2/things?fields=thingId,_revision&from-historical-timestamp="
                + TestGateway.T0.plusSeconds(60)
                + "&to-historical-timestamp="
                + TestGateway.T0.plusSeconds(180))) {
      assertThat(sse.response.statusCode()).isEqualTo(200);
      assertThat(sse.awaitEnd(WAIT))
          .extracting(
              e ->
                  e.getValue("thingId").orElseThrow().asString()
                      + "@"
                      + revisions(List.of(e)).get(0))
          .containsExactly(RACK + "@2", OTHER + "@1", RACK + "@3", RACK + "@4");
    }
  }

  @Test
  void aCampusHistoryNeedsAnEndAtMostADayAfterItsStartAndNoRevisions() {
    String from = TestGateway.T0.toString();
    for (MultiMap query :
        List.of(
            TestGateway.pairs("from-historical-timestamp", from),
            TestGateway.pairs(
                "from-historical-timestamp",
                from,
                "to-historical-timestamp",
                TestGateway.T0.plus(Duration.ofHours(25)).toString()),
            TestGateway.pairs("from-historical-revision", "1"))) {
      var r = gateway.get("/api/2/things", query, TestGateway.pairs("Accept", "text/event-stream"));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("argument:invalid");
    }
  }

  @Test
  void refusesACampusHistoryWithMoreChangesThanItsLimit() {
    try (TestGateway small =
        TestGateway.start(g -> List.of(new HistoryApi(g.twins, g.clock, null, null, 2)))) {
      for (int i = 1; i <= 3; i++) {
        small.put("campus.a:rack-0" + i, "{\"attributes\":{\"i\":" + i + "}}");
      }
      var r =
          small.get(
              "/api/2/things",
              TestGateway.pairs(
                  "from-historical-timestamp",
                  TestGateway.T0.toString(),
                  "to-historical-timestamp",
                  TestGateway.T0.plusSeconds(1).toString()),
              TestGateway.pairs("Accept", "text/event-stream"));
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("history:too-large");
    }
  }

  static List<Long> revisions(List<JsonObject> events) {
    return events.stream().map(e -> e.getValue("_revision").orElseThrow().asLong()).toList();
  }
}
