package io.greentwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

/** The stamp of a transition is exactly what Ditto's builder makes, without rebuilding the twin. */
class TwinStampTest {
  private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant MODIFIED = Instant.parse("2026-12-05T05:00:01.250Z");

  private static Thing thing(String json) {
    return ThingsModelFactory.newThing(JsonFactory.newObject(json));
  }

  private static Thing byDittosBuilder(Thing t) {
    return t.toBuilder().setRevision(42).setCreated(CREATED).setModified(MODIFIED).build();
  }

  private static void assertSameAsDittosBuilder(Thing t) {
    Thing stamped = TwinTransitions.stamped(t, 42, CREATED, MODIFIED);
    Thing expected = byDittosBuilder(t);
    assertThat(stamped).isEqualTo(expected);
    assertThat(stamped.toJson(JsonSchemaVersion.V_2, FieldType.all()))
        .isEqualTo(expected.toJson(JsonSchemaVersion.V_2, FieldType.all()));
  }

  @Test
  void aFullTwinIsStampedAsDittosBuilderStampsItAndKeepsItsAttributesAndFeatures() {
    Thing t =
        thing(
            """
            {"thingId":"ns:rack-1","policyId":"ns:operators","definition":"ns:rack:1.0.0",
             "_revision":41,"_created":"2026-11-30T00:00:00Z","_modified":"2026-12-05T05:00:00Z",
             "attributes":{"kind":"rack","position":{"xM":1.5,"yM":2}},
             "features":{"power":{"definition":["ns:power:1.0.0"],"properties":{"powerKw":17.5},
               "desiredProperties":{"capKw":20}}}}
            """);
    assertSameAsDittosBuilder(t);
    Thing stamped = TwinTransitions.stamped(t, 42, CREATED, MODIFIED);
    assertThat(stamped.getAttributes().orElseThrow()).isSameAs(t.getAttributes().orElseThrow());
    assertThat(stamped.getFeatures().orElseThrow()).isSameAs(t.getFeatures().orElseThrow());
    assertThat(stamped.getRevision().orElseThrow().toLong()).isEqualTo(42);
    assertThat(stamped.getModified()).contains(MODIFIED);
    assertThat(stamped.getCreated()).contains(CREATED);
  }

  @Test
  void twinsWithoutAttributesOrFeaturesOrWithNullOnesStayThatWay() {
    assertSameAsDittosBuilder(thing("{\"thingId\":\"ns:bare\"}"));
    assertSameAsDittosBuilder(thing("{\"thingId\":\"ns:a\",\"attributes\":{}}"));
    assertSameAsDittosBuilder(thing("{\"thingId\":\"ns:f\",\"features\":{}}"));
    assertSameAsDittosBuilder(
        thing("{\"thingId\":\"ns:n\",\"attributes\":null,\"features\":null}"));
  }
}
