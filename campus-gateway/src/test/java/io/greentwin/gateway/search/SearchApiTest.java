package io.greentwin.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Ditto's search API over HTTP, against the real gateway and in-memory twins. */
class SearchApiTest {
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(g -> List.of(new SearchApi(g.twins, new ThingJsonCache())));
    rack("campus.a:rack-01", "B1", 1, "Rack-Alpha", 4.5, "ok", null);
    rack("campus.a:rack-02", "B1", 2, "rack-beta", 7.0, "warn", null);
    rack("campus.a:rack-03", "B2", 1, "RACK-GAMMA", 2, "ok", "[\"hot\",\"edge\"]");
    rack("campus.b:rack-04", "B2", 3, "rack-delta", 9.5, "fault", null);
    gateway.put(
        "campus.b:rack-05",
        """
        {"attributes":{"building":"B3","row":2,"name":"Rack-Epsilon"},
         "features":{"status":{"properties":{"state":"ok"}}}}""");
    gateway.put(
        "campus.b:pump-01",
        """
        {"attributes":{"building":"B3","name":"pump"},
         "features":{"flow":{"properties":{"m3h":3.2}}}}""");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static void rack(
      String id, String building, int row, String name, double kw, String state, String tags) {
    gateway.put(
        id,
        """
        {"attributes":{"building":"%s","row":%d,"name":"%s"%s},
         "features":{"power":{"properties":{"kw":%s}},"status":{"properties":{"state":"%s"}}}}"""
            .formatted(building, row, name, tags == null ? "" : ",\"tags\":" + tags, kw, state));
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of("eq(attributes/building,\"B1\")", "rack-01,rack-02"),
        Arguments.of("ne(attributes/row,1)", "rack-02,rack-04,rack-05"),
        Arguments.of("gt(features/power/properties/kw,4.5)", "rack-02,rack-04"),
        Arguments.of("ge(features/power/properties/kw,4.5)", "rack-01,rack-02,rack-04"),
        Arguments.of("lt(attributes/row,2)", "rack-01,rack-03"),
        Arguments.of("le(attributes/row,2)", "rack-01,rack-02,rack-03,rack-05"),
        Arguments.of("in(attributes/building,\"B2\",\"B3\")", "rack-03,pump-01,rack-04,rack-05"),
        Arguments.of("like(attributes/name,\"rack-*\")", "rack-02,rack-04"),
        Arguments.of("like(attributes/name,\"Rack-?lpha\")", "rack-01"),
        Arguments.of(
            "ilike(attributes/name,\"rack-*\")", "rack-01,rack-02,rack-03,rack-04,rack-05"),
        Arguments.of("exists(features/power)", "rack-01,rack-02,rack-03,rack-04"),
        Arguments.of("and(eq(attributes/building,\"B2\"),gt(attributes/row,1))", "rack-04"),
        Arguments.of(
            "or(eq(attributes/row,3),eq(features/status/properties/state,\"warn\"))",
            "rack-02,rack-04"),
        Arguments.of("not(exists(attributes/row))", "pump-01"),
        Arguments.of("eq(attributes/tags,\"edge\")", "rack-03"),
        Arguments.of("eq(features/*/properties/state,\"fault\")", "rack-04"),
        Arguments.of("like(thingId,\"campus.b:*\")", "pump-01,rack-04,rack-05"),
        Arguments.of("eq(attributes/row,\"1\")", ""),
        Arguments.of(
            "and(eq(attributes/building,\"B1\"),ge(attributes/row,1),ilike(attributes/name,\"*ALPHA\"))",
            "rack-01"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filtersWithEachRqlOperator(String filter, String expected) {
    HttpResponse<Buffer> r = gateway.get("/api/2/search/things", "filter", filter);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(names(r.bodyAsString()))
        .containsExactly(expected.isEmpty() ? new String[0] : expected.split(","));
  }

  @Test
  void sortsAscendingAndDescendingOnTwoKeys() {
    String up = "sort(+attributes/building,-attributes/row)";
    assertThat(names(gateway.get("/api/2/search/things", "option", up).bodyAsString()))
        .containsExactly("rack-02", "rack-01", "rack-04", "rack-03", "rack-05", "pump-01");
    String down = "sort(-attributes/building,+attributes/row)";
    assertThat(names(gateway.get("/api/2/search/things", "option", down).bodyAsString()))
        .containsExactly("pump-01", "rack-05", "rack-03", "rack-04", "rack-01", "rack-02");
  }

  @Test
  void countsMatchingThingsAsAPlainNumber() {
    HttpResponse<Buffer> r =
        gateway.get("/api/2/search/things/count", "filter", "exists(features/power)");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsString()).isEqualTo("4");
    assertThat(
            gateway
                .get(
                    "/api/2/search/things/count",
                    "namespaces",
                    "campus.b",
                    "filter",
                    "exists(attributes/building)")
                .bodyAsString())
        .isEqualTo("3");
  }

  @Test
  void restrictsResultsToTheGivenNamespaces() {
    assertThat(names(gateway.get("/api/2/search/things", "namespaces", "campus.b").bodyAsString()))
        .containsExactly("pump-01", "rack-04", "rack-05");
    assertThat(
            names(
                gateway
                    .get(
                        "/api/2/search/things",
                        "namespaces",
                        "campus.a,other",
                        "filter",
                        "eq(attributes/row,1)")
                    .bodyAsString()))
        .containsExactly("rack-01", "rack-03");
  }

  @Test
  void selectsTheRequestedFieldsOnly() {
    JsonObject body =
        json(
            gateway.get(
                "/api/2/search/things",
                "filter",
                "eq(thingId,\"campus.a:rack-01\")",
                "fields",
                "thingId,attributes/name,_revision,features/*/properties/state"));
    assertThat(body.getValue("items").orElseThrow().asArray().get(0).orElseThrow())
        .isEqualTo(
            JsonFactory.readFrom(
                """
                {"thingId":"campus.a:rack-01","attributes":{"name":"Rack-Alpha"},"_revision":1,
                 "features":{"status":{"properties":{"state":"ok"}}}}"""));
  }

  @Test
  void rendersThingsWithTheirRegularFieldsByDefaultAndNoCursorOnTheLastPage() {
    JsonObject body =
        json(gateway.get("/api/2/search/things", "filter", "eq(thingId,\"campus.b:pump-01\")"));
    JsonObject item =
        body.getValue("items").orElseThrow().asArray().get(0).orElseThrow().asObject();
    assertThat(item.getKeys())
        .extracting(Object::toString)
        .containsExactly("thingId", "attributes", "features");
    assertThat(body.contains("cursor")).isFalse();
    assertThat(body.getValue("nextPageOffset")).contains(JsonValue.of(-1));
  }

  @Test
  void acceptsTheQueryAsAFormPostAsDittoDoes() {
    HttpResponse<Buffer> r =
        TestGateway.await(
            gateway
                .client
                .post(gateway.port(), "127.0.0.1", "/api/2/search/things")
                .sendForm(
                    TestGateway.pairs(
                        "filter", "eq(attributes/row,1)", "option", "sort(-thingId)")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(names(r.bodyAsString())).containsExactly("rack-03", "rack-01");
  }

  static List<String> names(String searchResult) {
    List<String> out = new ArrayList<>();
    JsonFactory.readFrom(searchResult)
        .asObject()
        .getValue("items")
        .orElseThrow()
        .asArray()
        .forEach(
            i -> out.add(i.asObject().getValue("thingId").orElseThrow().asString().split(":")[1]));
    return out;
  }

  static JsonObject json(HttpResponse<Buffer> r) {
    return JsonFactory.readFrom(r.bodyAsString()).asObject();
  }
}
