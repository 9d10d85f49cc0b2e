package io.greentwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

/** The fast model-setter paths give exactly the thing the generic JSON transition gives. */
class FastPathsTest {
  private static final ThingId ID = ThingId.of("greentwin.test:rack");
  private static final Thing BASE =
      ThingsModelFactory.newThing(
          JsonFactory.newObject(
              """
      {"thingId":"greentwin.test:rack","attributes":{"name":"k1","pos":{"x":1}},
       "features":{"power":{"properties":{"powerKw":1.5,"nested":{"a":1}}},
                   "coolant":{"properties":{"supplyTempC":45}}}}"""));

  private static TwinEvent event(EventKind kind, String path, String json) {
    return new TwinEvent(
        ID,
        kind,
        JsonPointer.of(path),
        json == null ? JsonValue.nullLiteral() : JsonFactory.readFrom(json),
        2,
        Instant.parse("2026-01-01T00:00:00Z"),
        "t");
  }

  @Test
  void everyFastPathMatchesTheGenericTransition() {
    List<TwinEvent> events =
        List.of(
            event(EventKind.MODIFIED, "/features/power/properties/powerKw", "2.5"),
            event(EventKind.CREATED, "/features/power/properties/new/deep", "\"x\""),
            event(EventKind.CREATED, "/features/fan/properties/rpm", "1200"),
            event(EventKind.DELETED, "/features/power/properties/powerKw", null),
            event(EventKind.MODIFIED, "/attributes/name", "\"k2\""),
            event(EventKind.CREATED, "/attributes/pos/y", "2"),
            event(EventKind.DELETED, "/attributes/pos", null),
            event(EventKind.MERGED, "/features/power/properties", "{\"powerKw\":3,\"x\":null}"),
            event(EventKind.MERGED, "/features/power/properties", "{\"powerKw\":null}"),
            event(
                EventKind.MERGED,
                "/",
                "{\"features\":{\"power\":{\"properties\":{\"powerKw\":4}},"
                    + "\"coolant\":{\"properties\":{\"supplyTempC\":46,\"flowM3h\":3}}}}"),
            event(
                EventKind.MERGED,
                "/",
                "{\"features\":{\"power\":{\"properties\":{\"x\":null,\"powerKw\":null,"
                    + "\"nested\":7,\"observedAt\":\"2026-01-01T00:00:01.000Z\"}},"
                    + "\"fan\":{\"properties\":{\"rpm\":900,\"on\":true}}}}"),
            event(EventKind.MERGED, "/features/fan/properties", "{\"rpm\":800,\"gone\":null}"),
            event(EventKind.MERGED, "/features/coolant/properties", "{}"));
    int fast = 0;
    for (TwinEvent e : events) {
      Thing quick = FastPaths.apply(BASE, e);
      if (quick != null) {
        fast++;
        assertThat(quick.toJson())
            .as(e.toString())
            .isEqualTo(TwinTransitions.applyGeneric(Optional.of(BASE), e).toJson());
      }
    }
    assertThat(fast).isEqualTo(events.size());
  }

  @Test
  void fastExistenceAgreesWithTheThingsJson() {
    for (String path :
        new String[] {
          "/features/power",
          "/features/fan",
          "/attributes/pos/x",
          "/attributes/nope",
          "/features/power/properties/powerKw",
          "/features/power/properties/nested/a",
          "/features/coolant/properties/none"
        }) {
      JsonPointer p = JsonPointer.of(path);
      assertThat(FastPaths.exists(BASE, p))
          .as(path)
          .isEqualTo(BASE.toJson().getValue(p).isPresent());
    }
  }

  @Test
  void objectValuesAndOtherPathsFallBackToTheGenericTransition() {
    assertThat(
            FastPaths.apply(
                BASE, event(EventKind.MODIFIED, "/features/power/properties/nested", "{\"b\":2}")))
        .isNull();
    assertThat(FastPaths.apply(BASE, event(EventKind.MODIFIED, "/definition", "\"a:b:1\"")))
        .isNull();
    assertThat(
            FastPaths.apply(
                BASE, event(EventKind.MERGED, "/", "{\"attributes\":{\"name\":\"z\"}}")))
        .isNull();
  }
}
