package io.greentwin.gateway.ws;

import static io.greentwin.gateway.ws.WsProbe.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinWrite;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/2} on the real gateway verticle, spoken to frame by frame: control acknowledgements,
 * pings, continuation frames, correlation, event filters, search and persisted-event streams.
 */
class WebSocketApiTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  private static final ThingId RACK = ThingId.of("greentwin.test", "b1-h1-r01-k01");

  private final Vertx vertx = Vertx.vertx();
  private final InMemoryTwinService twins =
      new InMemoryTwinService(Clock.fixed(T0, ZoneOffset.UTC));
  private int port;
  private WsProbe ws;

  @BeforeEach
  void start() throws Exception {
    GatewayVerticle gateway =
        new GatewayVerticle(GatewayConfig.loopbackEphemeral(), List.of(new WebSocketApi(twins)));
    await(vertx.deployVerticle(gateway));
    port = gateway.actualPort();
    ws = WsProbe.connect(vertx, port);
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void acknowledgesEveryControlMessageWithExactlyItsAckAlsoWhenRepeated() throws Exception {
    List<String> commands =
        List.of(
            "START-SEND-EVENTS?correlation-id=c-1",
            "START-SEND-MESSAGES",
            "START-SEND-LIVE-EVENTS",
            "START-SEND-LIVE-COMMANDS",
            "STOP-SEND-LIVE-COMMANDS",
            "STOP-SEND-LIVE-EVENTS",
            "STOP-SEND-MESSAGES",
            "STOP-SEND-EVENTS",
            "START-SEND-EVENTS?correlation-id=c-2&namespaces=greentwin.test",
            "START-SEND-EVENTS?correlation-id=c-3&namespaces=greentwin.test");
    for (String c : commands) {
      ws.send(c);
      assertThat(ws.next()).isEqualTo(c.split("\\?")[0] + ":ACK");
    }
  }

  @Test
  void answersPingsWithPongs() throws Exception {
    await(ws.socket().writePing(Buffer.buffer("are-you-there")));
    assertThat(ws.pongs.poll(5, TimeUnit.SECONDS)).isEqualTo(Buffer.buffer("are-you-there"));
  }

  @Test
  void assemblesContinuationFramesIntoOneCommand() throws Exception {
    String big = "x".repeat(300 * 1024);
    String json = command("create", "/", "k-1", thingJson(big)).encode();
    int third = json.length() / 3;
    await(ws.socket().writeFrame(WebSocketFrame.textFrame(json.substring(0, third), false)));
    await(
        ws.socket()
            .writeFrame(
                WebSocketFrame.continuationFrame(
                    Buffer.buffer(json.substring(third, 2 * third)), false)));
    await(
        ws.socket()
            .writeFrame(
                WebSocketFrame.continuationFrame(Buffer.buffer(json.substring(2 * third)), true)));

    JsonObject response = ws.nextJson();
    assertThat(response.getString("topic"))
        .isEqualTo("greentwin.test/b1-h1-r01-k01/things/twin/commands/create");
    assertThat(response.getJsonObject("headers").getString("correlation-id")).isEqualTo("k-1");
    assertThat(response.getInteger("status")).isEqualTo(201);
    assertThat(response.getJsonObject("value").getJsonObject("attributes").getString("blob"))
        .hasSize(big.length());
  }

  @Test
  void answersOnlyWhenAResponseIsRequiredUnderTheRequestsCorrelationId() throws Exception {
    twins.write(TwinWrite.put(RACK, JsonPointer.empty(), thing(), "test")).get();
    JsonObject silent = command("modify", "/attributes/row", "m-1", 4);
    silent.getJsonObject("headers").put("response-required", false);
    ws.send(silent);
    ws.send(command("retrieve", "/attributes", "r-1", null));

    JsonObject response = ws.nextJson();
    assertThat(response.getJsonObject("headers").getString("correlation-id")).isEqualTo("r-1");
    assertThat(response.getString("topic"))
        .isEqualTo("greentwin.test/b1-h1-r01-k01/things/twin/commands/retrieve");
    assertThat(response.getString("path")).isEqualTo("/attributes");
    assertThat(response.getInteger("status")).isEqualTo(200);
    assertThat(response.getJsonObject("value"))
        .isEqualTo(new JsonObject("{\"hall\":\"B1\",\"row\":4}"));
  }

  @Test
  void answersAMissingAttributeWithDittosErrorUnderTheCorrelationId() throws Exception {
    twins.write(TwinWrite.put(RACK, JsonPointer.empty(), thing(), "test")).get();
    ws.send(command("retrieve", "/attributes/absent", "e-1", null));
    JsonObject error = ws.nextJson();
    assertThat(error.getString("topic"))
        .isEqualTo("greentwin.test/b1-h1-r01-k01/things/twin/errors");
    assertThat(error.getJsonObject("headers").getString("correlation-id")).isEqualTo("e-1");
    assertThat(error.getInteger("status")).isEqualTo(404);
    assertThat(error.getJsonObject("value").getString("error"))
        .isEqualTo("things:attribute.notfound");
  }

  @Test
  void reportsAnInvalidEventFilterAsAnErrorUnderItsCorrelationId() throws Exception {
    ws.send("START-SEND-EVENTS?correlation-id=f-1&filter=gt(attributes/x");
    JsonObject error = ws.nextJson();
    assertThat(error.getString("topic")).isEqualTo("_/_/things/twin/errors");
    assertThat(error.getJsonObject("headers").getString("correlation-id")).isEqualTo("f-1");
    assertThat(error.getInteger("status")).isEqualTo(400);
    assertThat(error.getJsonObject("value").getString("error")).isEqualTo("rql.expression.invalid");
  }

  @Test
  void pushesOnlyEventsPassingTheFilterWithTheRequestedExtraFields() throws Exception {
    ws.send(
        "START-SEND-EVENTS?correlation-id=s-1&filter=eq(topic:action,%22created%22)"
            + "&extraFields=attributes/hall");
    assertThat(ws.next()).isEqualTo("START-SEND-EVENTS:ACK");
    twins.write(TwinWrite.put(RACK, JsonPointer.empty(), thing(), "test")).get();
    twins.write(TwinWrite.put(RACK, JsonPointer.of("/attributes/row"), JsonValue.of(5), "t")).get();

    JsonObject event = ws.nextJson();
    assertThat(event.getString("topic"))
        .isEqualTo("greentwin.test/b1-h1-r01-k01/things/twin/events/created");
    assertThat(event.getString("path")).isEqualTo("/");
    assertThat(event.getLong("revision")).isEqualTo(1L);
    assertThat(event.getString("timestamp")).isEqualTo("2026-05-01T10:00:00Z");
    assertThat(event.getJsonObject("value").getString("thingId")).isEqualTo(RACK.toString());
    assertThat(event.getJsonObject("extra"))
        .isEqualTo(new JsonObject("{\"attributes\":{\"hall\":\"B1\"}}"));
    assertThat(ws.nothingWithin(300)).isNull();
  }

  @Test
  void streamsPersistedEventsAsTheClientRequestsThem() throws Exception {
    twins.write(TwinWrite.put(RACK, JsonPointer.empty(), thing(), "test")).get();
    for (int row = 5; row <= 6; row++) {
      twins
          .write(TwinWrite.put(RACK, JsonPointer.of("/attributes/row"), JsonValue.of(row), "t"))
          .get();
    }
    String base = "greentwin.test/b1-h1-r01-k01/things/twin/streaming/";
    ws.send(
        envelope(
            base + "subscribeForPersistedEvents",
            "h-1",
            new JsonObject().put("fromHistoricalRevision", 2)));
    JsonObject created = ws.nextJson();
    assertThat(created.getString("topic")).isEqualTo(base + "created");
    String id = created.getJsonObject("value").getString("subscriptionId");
    assertThat(ws.nothingWithin(200)).as("nothing before the first request").isNull();

    ws.send(
        envelope(
            base + "request", "h-2", new JsonObject().put("subscriptionId", id).put("demand", 1)));
    JsonObject first = ws.nextJson();
    assertThat(first.getString("topic")).isEqualTo(base + "next");
    JsonObject item = first.getJsonObject("value").getJsonObject("item");
    assertThat(item.getString("topic"))
        .isEqualTo("greentwin.test/b1-h1-r01-k01/things/twin/events/modified");
    assertThat(item.getString("path")).isEqualTo("/attributes/row");
    assertThat(item.getInteger("value")).isEqualTo(5);
    assertThat(item.getLong("revision")).isEqualTo(2L);
    assertThat(ws.nothingWithin(200)).as("no more than the demand").isNull();

    ws.send(
        envelope(
            base + "request", "h-3", new JsonObject().put("subscriptionId", id).put("demand", 5)));
    JsonObject second = ws.nextJson();
    assertThat(second.getJsonObject("value").getJsonObject("item").getLong("revision"))
        .isEqualTo(3L);
    JsonObject complete = ws.nextJson();
    assertThat(complete.getString("topic")).isEqualTo(base + "complete");
    assertThat(complete.getJsonObject("value").getString("subscriptionId")).isEqualTo(id);
  }

  @Test
  void searchesPageByPageOverTheProtocol() throws Exception {
    for (int i = 1; i <= 3; i++) {
      ThingId id = ThingId.of("greentwin.test", "rack-" + i);
      twins
          .write(
              TwinWrite.put(
                  id,
                  JsonPointer.empty(),
                  org.eclipse.ditto.json.JsonObject.of("{\"attributes\":{\"rank\":" + i + "}}"),
                  "t"))
          .get();
    }
    ws.send(
        envelope(
            "_/_/things/twin/search/subscribe",
            "q-1",
            new JsonObject()
                .put("filter", "ge(attributes/rank,2)")
                .put("options", "sort(-attributes/rank),size(1)")
                .put("namespaces", new JsonArray().add("greentwin.test"))));
    JsonObject created = ws.nextJson();
    assertThat(created.getString("topic")).isEqualTo("_/_/things/twin/search/created");
    assertThat(created.getJsonObject("headers").getString("correlation-id")).isEqualTo("q-1");
    String id = created.getJsonObject("value").getString("subscriptionId");

    ws.send(
        envelope(
            "_/_/things/twin/search/request",
            "q-2",
            new JsonObject().put("subscriptionId", id).put("demand", 5)));
    List<String> pages = List.of(ws.next(), ws.next(), ws.next());
    assertThat(new JsonObject(pages.get(0)).getString("topic"))
        .isEqualTo("_/_/things/twin/search/next");
    assertThat(itemIds(pages.get(0))).containsExactly("greentwin.test:rack-3");
    assertThat(itemIds(pages.get(1))).containsExactly("greentwin.test:rack-2");
    assertThat(new JsonObject(pages.get(2)).getString("topic"))
        .isEqualTo("_/_/things/twin/search/complete");
  }

  @Test
  void dropsAClientWhoseWriteQueueStaysFull() throws Exception {
    WebSocketLimits impatient =
        new WebSocketLimits(512 * 1024, 1 << 24, 64 * 1024, Duration.ofMillis(300));
    GatewayVerticle gateway =
        new GatewayVerticle(
            GatewayConfig.loopbackEphemeral(),
            List.of(new WebSocketApi(twins, new WsAuthentication(), impatient)));
    await(vertx.deployVerticle(gateway));
    try (WsProbe slow = WsProbe.connect(vertx, gateway.actualPort())) {
      CompletableFuture<Short> closedWith = new CompletableFuture<>();
      slow.socket().closeHandler(v -> closedWith.complete(slow.socket().closeStatusCode()));
      slow.send("START-SEND-EVENTS?correlation-id=slow");
      assertThat(slow.next()).isEqualTo("START-SEND-EVENTS:ACK");
      slow.socket().pause();
      twins.write(TwinWrite.put(RACK, JsonPointer.empty(), thing(), "test")).get();
      JsonValue blob = JsonValue.of("y".repeat(64 * 1024));
      for (int i = 0; i < 400 && !closedWith.isDone(); i++) {
        twins.write(TwinWrite.put(RACK, JsonPointer.of("/attributes/blob"), blob, "t")).get();
      }
      Thread.sleep(1_000); // longer than the patience: the gateway gives up on this client
      slow.socket().resume();
      assertThat(closedWith.get(20, TimeUnit.SECONDS)).isEqualTo(WsOutbox.SLOW_CONSUMER);
    }
  }

  @Test
  void refusesAPlainHttpRequestWithoutUpgrade() throws Exception {
    HttpClient http = vertx.createHttpClient();
    Map.Entry<Integer, JsonObject> response =
        await(
            http.request(HttpMethod.GET, port, "127.0.0.1", WebSocketApi.PATH)
                .compose(HttpClientRequest::send)
                .compose(r -> r.body().map(b -> Map.entry(r.statusCode(), b.toJsonObject()))));
    assertThat(response.getKey()).isEqualTo(400);
    assertThat(response.getValue().getString("error")).isEqualTo("gateway:request.invalid");
  }

  private static List<String> itemIds(String page) {
    return new JsonObject(page)
        .getJsonObject("value").getJsonArray("items").stream()
            .map(o -> ((JsonObject) o).getString("thingId"))
            .toList();
  }

  private static org.eclipse.ditto.json.JsonObject thing() {
    return org.eclipse.ditto.json.JsonObject.of("{\"attributes\":{\"hall\":\"B1\",\"row\":3}}");
  }

  private static JsonObject thingJson(String blob) {
    return new JsonObject()
        .put("thingId", RACK.toString())
        .put("attributes", new JsonObject().put("blob", blob));
  }

  private static JsonObject command(String action, String path, String cid, Object value) {
    JsonObject json =
        envelope("greentwin.test/b1-h1-r01-k01/things/twin/commands/" + action, cid, value);
    return json.put("path", path);
  }

  private static JsonObject envelope(String topic, String cid, Object value) {
    JsonObject json =
        new JsonObject()
            .put("topic", topic)
            .put(
                "headers",
                new JsonObject()
                    .put("correlation-id", cid)
                    .put("response-required", true)
                    .put("content-type", "application/json"))
            .put("path", "/");
    return value == null ? json : json.put("value", value);
  }
}
