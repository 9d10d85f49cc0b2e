package io.greentwin.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.greentwin.gateway.rql.ThingFilter;
import java.util.List;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

/**
 * Filters parsed once per shape ({@link RqlShapeCache}) and evaluated on the referenced parts of a
 * thing ({@link ThingProjection}) answer exactly as Ditto's parser and predicate on the whole thing
 * ({@link ThingFilter}), and fail with the parser's own error.
 */
class RqlShapeCacheTest {
  private static final DittoHeaders H = DittoHeaders.newBuilder().correlationId("c-1").build();

  private static final List<Thing> THINGS =
      List.of(
          thing(
              "{\"thingId\":\"ns:a\",\"policyId\":\"ns:p\",\"attributes\":{\"name\":\"rack 1\","
                  + "\"loc\":{\"hall\":\"h1\"},\"n\":3},\"features\":{\"coolant\":{\"properties\":"
                  + "{\"supplyTempC\":45.3,\"observedAt\":\"2026-06-21T11:00:10.000Z\"}},"
                  + "\"thermal\":{\"properties\":{\"inletTempC\":24}},\"empty\":{}}}"),
          thing(
              "{\"thingId\":\"ns:b\",\"features\":{\"coolant\":{\"properties\":"
                  + "{\"supplyTempC\":40,\"observedAt\":\"2026-06-21T11:00:11.000Z\"}}}}"),
          thing("{\"thingId\":\"ns:c\",\"attributes\":{\"name\":\"x\"}}"),
          thing(
              "{\"thingId\":\"ns:e\",\"features\":{\"coolant\":{\"properties\":"
                  + "{\"observedAt\":20260621}},\"thermal\":{\"properties\":"
                  + "{\"observedAt\":null}}}}"),
          thing(
              "{\"thingId\":\"ns:f\",\"features\":{\"coolant\":{\"properties\":"
                  + "{\"observedAt\":{\"a\":1}}},\"thermal\":{}}}"),
          thing("{\"thingId\":\"ns:d\"}"));

  private static final List<String> FILTERS =
      List.of(
          "or(not(exists(features/coolant/properties/observedAt)),"
              + "le(features/coolant/properties/observedAt,\"2026-06-21T11:00:10.000Z\"))",
          "or(not(exists(features/coolant/properties/observedAt)),"
              + "le(features/coolant/properties/observedAt,\"2026-06-21T11:00:09.999Z\"))",
          "and(or(not(exists(features/coolant/properties/observedAt)),"
              + "le(features/coolant/properties/observedAt,\"2026-06-21T11:00:11.000Z\")),"
              + "or(not(exists(features/thermal/properties/observedAt)),"
              + "le(features/thermal/properties/observedAt,\"2026-06-21T11:00:11.000Z\")))",
          "eq(attributes/name,\"rack 1\")",
          "eq(attributes/name,\"x\")",
          "ne(attributes/name,\"x\")",
          "eq(attributes/loc/hall,\"h1\")",
          "in(attributes/name,\"x\",\"rack 1\")",
          "in(attributes/name,\"y\",\"z\")",
          "gt(features/coolant/properties/supplyTempC,41)",
          "and(gt(attributes/n,2),eq(thingId,\"ns:a\"))",
          "eq(thingId,\"ns:b\")",
          "exists(features/empty)",
          "exists(features/thermal/properties)",
          "like(attributes/name,\"rack*\")",
          "eq(policyId,\"ns:p\")",
          "lt(features/coolant/properties/observedAt,\"2026-06-21T11:00:11.000Z\")",
          "and(exists(features/coolant),gt(features/coolant/properties/supplyTempC,41))",
          "and(eq(attributes/loc,\"h1\"),ne(attributes/loc/hall,\"h2\"))",
          "ne(features/thermal/properties/observedAt,\"x\")",
          "exists(features/thermal/properties/inletTempC)",
          "and(gt(features/coolant/properties/observedAt,\"2026\"),"
              + "ge(features/thermal/properties/observedAt,\"\"))",
          "not(or(lt(features/coolant/properties/observedAt,\"2026-06-21T11:00:10.500Z\"),"
              + "exists(features/thermal/properties/observedAt)))",
          "gt(features/coolant/properties/observedAt,\"20260620\")");

  @Test
  void answersAsDittoOnTheWholeThingTheFirstTimeAndOnceCached() {
    RqlShapeCache cache = new RqlShapeCache();
    for (int round = 0; round < 3; round++) {
      for (String filter : FILTERS) {
        ThingFilter ditto = ThingFilter.parse(filter);
        RqlThingFilter cached = cache.parse(filter, H);
        assertThat(cached.fields()).as(filter).isEqualTo(ditto.fields());
        assertThat(cached.toString()).isEqualTo(filter);
        for (Thing t : THINGS) {
          assertThat(cached.test(t)).as(filter + " on " + t.getEntityId()).isEqualTo(ditto.test(t));
        }
      }
    }
  }

  @Test
  void filtersOfOneShapeWithOtherLiteralsAnswerWithTheirOwnLiterals() {
    RqlShapeCache cache = new RqlShapeCache();
    String shape = "le(features/coolant/properties/observedAt,\"%s\")";
    for (String at :
        List.of(
            "2026-06-21T11:00:10.000Z",
            "2026-06-21T11:00:09.999Z",
            "2026-06-21T11:00:11.000Z",
            "2026-06-21T11:00:10.000Z",
            "a",
            "")) {
      String filter = String.format(shape, at);
      for (Thing t : THINGS) {
        assertThat(cache.parse(filter, H).test(t))
            .as(filter)
            .isEqualTo(ThingFilter.parse(filter).test(t));
      }
    }
  }

  @Test
  void parsesTheSyncJobsConditionsByShapeButNotLikePatterns() {
    RqlShapeCache cache = new RqlShapeCache();
    FILTERS.forEach(f -> cache.parse(f, H));
    assertThat(cache.parsesByShape(FILTERS.get(0))).isTrue();
    assertThat(cache.parsesByShape(FILTERS.get(2))).isTrue();
    assertThat(cache.parsesByShape("in(attributes/name,\"a\",\"b\")")).isTrue();
    assertThat(cache.parsesByShape("like(attributes/name,\"rack*\")")).isFalse();
    assertThat(cache.answersFromTheModel(FILTERS.get(2))).isTrue();
    assertThat(cache.answersFromTheModel(FILTERS.get(3))).isFalse();
  }

  @Test
  void invalidFiltersFailWithTheParsersErrorEveryTime() {
    RqlShapeCache cache = new RqlShapeCache();
    for (String invalid :
        List.of("le(features/x/properties/y,\"a\"", "foo(attributes/a,\"b\")", "eq(x,\"a\")")) {
      InvalidRqlExpressionException direct =
          catchThrowableOfType(
              () -> RqlThingFilter.parse(invalid, H), InvalidRqlExpressionException.class);
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> cache.parse(invalid, H))
            .isInstanceOf(InvalidRqlExpressionException.class)
            .hasMessage(direct.getMessage())
            .extracting(e -> ((InvalidRqlExpressionException) e).getDittoHeaders())
            .isEqualTo(direct.getDittoHeaders());
      }
    }
  }

  @Test
  void standsInOnlyForPlainPrintableLiterals() {
    assertThat(RqlShapeCache.template("and(eq(a,\"x\"),lt(b,\"2026-01-01T00:00:00.000Z\"))"))
        .isEqualTo(
            new RqlShapeCache.Template(
                "and(eq(a,\"#0\"),lt(b,\"#1\"))", List.of("x", "2026-01-01T00:00:00.000Z")));
    assertThat(RqlShapeCache.template("eq(a,\"x\\\"y\")")).isNull();
    assertThat(RqlShapeCache.template("eq(a,'x')")).isNull();
    assertThat(RqlShapeCache.template("eq(a,\"é\")")).isNull();
    assertThat(RqlShapeCache.template("eq(a,\"x)")).isNull();
  }

  private static Thing thing(String json) {
    return ThingsModelFactory.newThing(JsonObject.of(json));
  }
}
