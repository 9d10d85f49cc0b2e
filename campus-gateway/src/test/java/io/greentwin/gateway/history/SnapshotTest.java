package io.greentwin.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.search.TestGateway;
import java.util.List;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The campus snapshot at an instant, against the real gateway. */
class SnapshotTest {
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(g -> List.of(new HistoryApi(g.twins, g.clock)));
    gateway.put("campus.a:rack-01", "{\"features\":{\"power\":{\"properties\":{\"kw\":1.5}}}}");
    gateway.put("campus.a:rack-02", "{\"features\":{\"power\":{\"properties\":{\"kw\":0.5}}}}");
    gateway.clock.advanceSeconds(60); // T0+60s
    gateway.set("campus.a:rack-01", "/features/power/properties/kw", "9.5");
    gateway.clock.advanceSeconds(30); // T0+90s
    gateway.delete("campus.a:rack-02", "/");
    gateway.clock.advanceSeconds(30); // T0+120s
    gateway.put("campus.b:rack-03", "{\"features\":{\"power\":{\"properties\":{\"kw\":3}}}}");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void showsOldValuesForTwinsChangedLaterAndOmitsTwinsCreatedLater() {
    JsonObject then = snapshot("at", TestGateway.T0.plusSeconds(30).toString());
    assertThat(then.getValue("count")).contains(JsonValue.of(2));
    assertThat(items(then))
        .containsExactly(
            JsonFactory.readFrom(
                "{\"thingId\":\"campus.a:rack-01\",\"features\":{\"power\":{\"properties\":{\"kw\":1.5}}}}"),
            JsonFactory.readFrom(
                "{\"thingId\":\"campus.a:rack-02\",\"features\":{\"power\":{\"properties\":{\"kw\":0.5}}}}"));
  }

  @Test
  void omitsTwinsDeletedBeforeTheInstantAndShowsTheirLaterState() {
    JsonObject later =
        snapshot(
            "at",
            TestGateway.T0.plusSeconds(120).toString(),
            "fields",
            "thingId,features/power/properties/kw,_revision");
    assertThat(items(later))
        .containsExactly(
            JsonFactory.readFrom(
                "{\"thingId\":\"campus.a:rack-01\",\"features\":{\"power\":{\"properties\":{\"kw\":9.5}}},\"_revision\":2}"),
            JsonFactory.readFrom(
                "{\"thingId\":\"campus.b:rack-03\",\"features\":{\"power\":{\"properties\":{\"kw\":3}}},\"_revision\":1}"));
  }

  @Test
  void filtersTheHistoricalStateAndRestrictsNamespaces() {
    JsonObject then =
        snapshot(
            "at",
            TestGateway.T0.plusSeconds(30).toString(),
            "filter",
            "gt(features/power/properties/kw,1)",
            "fields",
            "thingId");
    assertThat(items(then))
        .containsExactly(JsonFactory.readFrom("{\"thingId\":\"campus.a:rack-01\"}"));
    JsonObject now =
        snapshot(
            "at",
            TestGateway.T0.plusSeconds(500).toString(),
            "namespaces",
            "campus.b",
            "fields",
            "thingId");
    assertThat(items(now))
        .containsExactly(JsonFactory.readFrom("{\"thingId\":\"campus.b:rack-03\"}"));
  }

  @Test
  void rejectsAMissingOrMalformedInstant() {
    var missing = gateway.get("/api/2/snapshot");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("argument:invalid");
    assertThat(gateway.get("/api/2/snapshot", "at", "yesterday").statusCode()).isEqualTo(400);
    var badFilter =
        gateway.get("/api/2/snapshot", "at", TestGateway.T0.toString(), "filter", "eq(");
    assertThat(badFilter.bodyAsJsonObject().getString("error")).isEqualTo("rql.expression.invalid");
  }

  static JsonObject snapshot(String... params) {
    var r = gateway.get("/api/2/snapshot", params);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return JsonFactory.readFrom(r.bodyAsString()).asObject();
  }

  static List<JsonValue> items(JsonObject snapshot) {
    return snapshot.getValue("items").orElseThrow().asArray().stream().toList();
  }
}
