package io.greentwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The observedAt format and the per-feature conditions of coalesced merges. */
class ObservedAtTest {
  @Test
  void timesAreFixedWidthWithMillisAndZSoTextOrderIsTimeOrder() {
    assertThat(ObservedAt.format(Instant.parse("2026-06-21T11:00:30Z").toEpochMilli()))
        .isEqualTo("2026-06-21T11:00:30.000Z");
    assertThat(ObservedAt.format(Instant.parse("2026-06-21T11:00:30.5Z").toEpochMilli()))
        .isEqualTo("2026-06-21T11:00:30.500Z");
    String earlier = ObservedAt.format(Instant.parse("2026-06-21T11:00:09.999Z").toEpochMilli());
    String later = ObservedAt.format(Instant.parse("2026-06-21T11:00:10Z").toEpochMilli());
    assertThat(earlier).hasSameSizeAs(later).isLessThan(later);
  }

  @Test
  void theFastFormatIsTheFormattersOverTheYearsItCovers() {
    java.time.format.DateTimeFormatter formatter =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    java.util.Random random = new java.util.Random(7);
    long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    for (long ms : new long[] {min, max, -1, 0, 1, max + 1, min - 1}) {
      assertThat(ObservedAt.format(ms)).isEqualTo(formatter.format(Instant.ofEpochMilli(ms)));
    }
    for (int i = 0; i < 10_000; i++) {
      long ms = random.nextLong(min, max);
      assertThat(ObservedAt.format(ms)).isEqualTo(formatter.format(Instant.ofEpochMilli(ms)));
    }
  }

  @Test
  void aConditionHasOnePartPerFeatureAndSplitsBackIntoThem() {
    Map<String, Long> oldest = new TreeMap<>(Map.of("coolant", 0L, "power", 1_000L));
    String rql = ObservedAt.condition(oldest);
    assertThat(rql)
        .isEqualTo(
            "and(or(not(exists(features/coolant/properties/observedAt)),"
                + "le(features/coolant/properties/observedAt,\"1970-01-01T00:00:00.000Z\")),"
                + "or(not(exists(features/power/properties/observedAt)),"
                + "le(features/power/properties/observedAt,\"1970-01-01T00:00:01.000Z\")))");
    List<TwinPatch> parts =
        ObservedAt.perFeature(
            new TwinPatch(
                "a:b",
                "/",
                "{\"features\":{\"coolant\":{\"properties\":{\"t\":1}},"
                    + "\"power\":{\"properties\":{\"p\":2}}}}",
                false,
                1_000,
                rql));
    assertThat(parts)
        .extracting(TwinPatch::json)
        .containsExactly(
            "{\"features\":{\"coolant\":{\"properties\":{\"t\":1}}}}",
            "{\"features\":{\"power\":{\"properties\":{\"p\":2}}}}");
    assertThat(parts.get(0).condition()).isEqualTo(ObservedAt.conjuncts(rql).get(0));
    assertThat(parts.get(1).condition()).contains("features/power/").doesNotContain("coolant");
    assertThat(ObservedAt.condition(Map.of())).isNull();
    assertThat(ObservedAt.condition(Map.of("x", 0L))).startsWith("or(");
  }
}
