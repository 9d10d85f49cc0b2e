package io.greentwin.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.search.TestGateway;
import io.greentwin.twin.TwinWrite;
import java.util.List;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Time series of a property computed from a twin's events, against the real gateway. */
class TimeSeriesTest {
  static final String RACK = "campus.a:rack-01";
  static final String KW = "/features/power/properties/kw";
  static final String URI = "/api/2/timeseries/" + RACK + "/features/power/properties/kw";
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(g -> List.of(new HistoryApi(g.twins, g.clock)));
    gateway.put(RACK, "{\"features\":{\"power\":{\"properties\":{\"kw\":1}}}}"); // T0 (10:00:00)
    at(10, () -> gateway.set(RACK, KW, "3"));
    at(50, () -> gateway.set(RACK, KW, "2"));
    at(70, () -> gateway.set(RACK, KW, "10"));
    at(130, () -> gateway.set(RACK, KW, "4"));
    at(140, () -> gateway.set(RACK, KW, "\"n/a\""));
    at(145, () -> gateway.set(RACK, "/attributes", "{\"row\":1}"));
    at(
        150,
        () ->
            gateway
                .twins
                .write(
                    TwinWrite.merge(
                        ThingId.of(RACK),
                        JsonPointer.of("/features/power"),
                        JsonFactory.readFrom("{\"properties\":{\"kw\":6}}"),
                        "test"))
                .join());
    at(300, () -> gateway.set(RACK, KW, "100"));
  }

  static void at(long seconds, Runnable write) {
    gateway.clock.set(TestGateway.T0.plusSeconds(seconds));
    write.run();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "avg;   2.0, 10.0, 5.0",
        "min;   1, 10, 4",
        "max;   3, 10, 6",
        "last;  2, 10, 6",
        "count; 3, 1, 2"
      })
  void aggregatesEachOneMinuteStepOfKnownValues(String agg, String expected) {
    JsonObject series =
        series(
            "from",
            TestGateway.T0.toString(),
            "to",
            TestGateway.T0.plusSeconds(180).toString(),
            "step",
            "1m",
            "agg",
            agg);
    assertThat(series.getValue("step")).contains(JsonValue.of("PT1M"));
    assertThat(series.getValue("path")).contains(JsonValue.of(KW));
    assertThat(series.getValue("thingId")).contains(JsonValue.of(RACK));
    List<JsonValue> points = series.getValue("points").orElseThrow().asArray().stream().toList();
    assertThat(points)
        .extracting(p -> p.asObject().getValue("t").orElseThrow().asString())
        .containsExactly("2026-05-01T10:00:00Z", "2026-05-01T10:01:00Z", "2026-05-01T10:02:00Z");
    assertThat(points)
        .extracting(p -> p.asObject().getValue("value").orElseThrow())
        .containsExactly(
            List.of(expected.split(",")).stream()
                .map(s -> JsonFactory.readFrom(s.trim()))
                .toArray(JsonValue[]::new));
  }

  @Test
  void omitsEmptyStepsAndKeepsToTheRange() {
    JsonObject series =
        series(
            "from",
            TestGateway.T0.plusSeconds(60).toString(),
            "to",
            TestGateway.T0.plusSeconds(600).toString(),
            "step",
            "2m",
            "agg",
            "count");
    assertThat(series.getValue("points").orElseThrow())
        .isEqualTo(
            JsonFactory.readFrom(
                """
                [{"t":"2026-05-01T10:00:00Z","value":1},{"t":"2026-05-01T10:02:00Z","value":2},
                 {"t":"2026-05-01T10:04:00Z","value":1}]"""));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "step, 0s",
    "step, fortnight",
    "agg, median",
    "from, yesterday",
    "to, 2026-05-01T09:00:00Z"
  })
  void rejectsBadParametersWithAClear400(String name, String value) {
    var r =
        name.equals("from")
            ? gateway.get(URI, name, value)
            : gateway.get(URI, "from", TestGateway.T0.toString(), name, value);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("argument:invalid");
    assertThat(r.bodyAsJsonObject().getString("description")).isNotBlank();
  }

  @Test
  void readsAPropertyNestedSeveralLevelsBelowTheFeature() {
    String pump = "campus.a:pump-01";
    gateway.clock.set(TestGateway.T0);
    gateway.put(pump, "{\"features\":{\"loop\":{\"properties\":{\"supply\":{\"tempC\":20}}}}}");
    gateway.clock.set(TestGateway.T0.plusSeconds(30));
    gateway.set(pump, "/features/loop/properties/supply", "{\"tempC\":22}");
    var r =
        gateway.get(
            "/api/2/timeseries/" + pump + "/features/loop/properties/supply/tempC",
            "to",
            TestGateway.T0.plusSeconds(60).toString(),
            "agg",
            "max");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject series = JsonFactory.readFrom(r.bodyAsString()).asObject();
    assertThat(series.getValue("path"))
        .contains(JsonValue.of("/features/loop/properties/supply/tempC"));
    assertThat(series.getValue("points").orElseThrow())
        .isEqualTo(JsonFactory.readFrom("[{\"t\":\"2026-05-01T10:00:00Z\",\"value\":22}]"));
  }

  @Test
  void answersDittosNotFoundForAThingWithoutHistory() {
    var r = gateway.get("/api/2/timeseries/campus.a:never/features/power/properties/kw");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("things:thing.notfound");
  }

  @Test
  void servesTheOpenApiDocumentOfTheExtensions() {
    var r = gateway.get("/api/openapi.yml");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("content-type")).isEqualTo("application/yaml");
    assertThat(r.bodyAsString())
        .startsWith("openapi: 3")
        .contains("/snapshot:")
        .contains("/timeseries/{thingId}/features/{featureId}/properties/{propertyPath}:");
  }

  static JsonObject series(String... params) {
    var r = gateway.get(URI, params);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return JsonFactory.readFrom(r.bodyAsString()).asObject();
  }
}
