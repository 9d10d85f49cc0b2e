package io.greentwin.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Page size, cursors and errors of Ditto's search API. */
class SearchPagingTest {
  static final int THINGS = 103;
  static TestGateway gateway;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(g -> List.of(new SearchApi(g.twins, new ThingJsonCache())));
    for (int i = 0; i < THINGS; i++) {
      gateway.put(
          "campus.p:t-%03d".formatted(i),
          "{\"attributes\":{\"n\":%d,\"even\":%s}}".formatted(i % 10, i % 2 == 0));
    }
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void returnsTwentyFiveItemsByDefaultWithACursorAndTheNextOffset() {
    JsonObject page = SearchApiTest.json(gateway.get("/api/2/search/things"));
    assertThat(page.getValue("items").orElseThrow().asArray().getSize()).isEqualTo(25);
    assertThat(page.getValue("cursor")).isPresent();
    assertThat(page.getValue("nextPageOffset")).contains(JsonValue.of(25));
  }

  @Test
  void pagesThroughAllResultsWithSizeAndCursorWithoutDuplicatesOrGaps() {
    List<String> ids = new ArrayList<>();
    List<Integer> ns = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String option =
          "sort(-attributes/n),size(10)" + (cursor == null ? "" : ",cursor(" + cursor + ")");
      JsonObject page = SearchApiTest.json(gateway.get("/api/2/search/things", "option", option));
      page.getValue("items")
          .orElseThrow()
          .asArray()
          .forEach(
              i -> {
                ids.add(i.asObject().getValue("thingId").orElseThrow().asString());
                ns.add(i.asObject().getValue("attributes/n").orElseThrow().asInt());
              });
      assertThat(page.contains("nextPageOffset")).isFalse();
      cursor = page.getValue("cursor").map(JsonValue::asString).orElse(null);
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(11);
    assertThat(ids).doesNotHaveDuplicates().hasSize(THINGS);
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, THINGS).mapToObj("campus.p:t-%03d"::formatted).toList());
    assertThat(ns).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
  }

  @Test
  void keepsTheFilterOfTheCursorAndMayOmitItOnLaterPages() {
    JsonObject first =
        SearchApiTest.json(
            gateway.get(
                "/api/2/search/things",
                "filter",
                "eq(attributes/even,true)",
                "option",
                "size(30)"));
    String cursor = first.getValue("cursor").orElseThrow().asString();
    JsonObject second =
        SearchApiTest.json(
            gateway.get("/api/2/search/things", "option", "size(30),cursor(" + cursor + ")"));
    assertThat(second.getValue("items").orElseThrow().asArray().getSize()).isEqualTo(52 - 30);
    assertThat(second.getValue("cursor")).isEmpty();
  }

  @Test
  void rejectsACursorWithADifferentFilter() {
    String cursor =
        SearchApiTest.json(gateway.get("/api/2/search/things", "option", "size(5)"))
            .getValue("cursor")
            .orElseThrow()
            .asString();
    HttpResponse<Buffer> r =
        gateway.get(
            "/api/2/search/things",
            "filter",
            "eq(attributes/n,1)",
            "option",
            "cursor(" + cursor + ")");
    assertError(r, 400, "thing-search:search.option.invalid");
    assertThat(SearchApiTest.json(r).getValue("description").orElseThrow().asString())
        .contains("'filter' must not differ");
  }

  @Test
  void rejectsAnUnreadableCursor() {
    assertError(
        gateway.get("/api/2/search/things", "option", "cursor(bm90LWEtY3Vyc29y)"),
        400,
        "thing-search:search.option.invalid");
  }

  @Test
  void rejectsPagesLargerThanTwoHundred() {
    HttpResponse<Buffer> r = gateway.get("/api/2/search/things", "option", "size(201)");
    assertError(r, 400, "thing-search:search.option.invalid");
    assertThat(gateway.get("/api/2/search/things", "option", "size(200)").statusCode())
        .isEqualTo(200);
  }

  @Test
  void rejectsAnInvalidFilterWithDittosRqlError() {
    assertError(
        gateway.get("/api/2/search/things", "filter", "eq(attributes/n"),
        400,
        "rql.expression.invalid");
    assertError(
        gateway.get("/api/2/search/things/count", "filter", "eq(colour,1)"),
        400,
        "rql.expression.invalid");
  }

  @Test
  void rejectsAnInvalidOptionOrFieldSelection() {
    assertError(
        gateway.get("/api/2/search/things", "option", "sort(attributes/n)"),
        400,
        "rql.expression.invalid");
    assertError(
        gateway.get("/api/2/search/things", "option", "sort(+colour)"),
        400,
        "rql.expression.invalid");
    assertError(
        gateway.get("/api/2/search/things", "fields", "colour"),
        400,
        "things:field.selection.invalid");
  }

  static void assertError(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.getHeader("content-type")).isEqualTo("application/json");
    JsonObject body = SearchApiTest.json(r);
    assertThat(body.getValue("status")).contains(JsonValue.of(status));
    assertThat(body.getValue("error")).contains(JsonValue.of(code));
    assertThat(body.getValue("message")).isPresent();
  }
}
