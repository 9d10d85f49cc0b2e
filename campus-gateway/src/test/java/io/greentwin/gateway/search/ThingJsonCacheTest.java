package io.greentwin.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

/**
 * Each twin's indexed JSON is that of the twin as it is now, whether it comes from the previous
 * search's arrays (the same object at the same place), the map (the same revision elsewhere) or is
 * built afresh (a new revision).
 */
class ThingJsonCacheTest {
  private final ThingJsonCache cache = new ThingJsonCache();

  @Test
  void unchangedTwinsKeepTheirIndexAndChangedOnesAreIndexedAgain() {
    List<Thing> things = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      things.add(rack(i, 1, "B1"));
    }
    ThingJsonCache.Indexed first = cache.indexed(things);
    things.set(2, rack(2, 2, "B2")); // a new revision of rack 2
    ThingJsonCache.Indexed second = cache.indexed(things);
    assertThat(second.jsons()[0]).isSameAs(first.jsons()[0]);
    assertThat(second.jsons()[2]).isNotSameAs(first.jsons()[2]);
    assertThat(building(second.jsons()[2])).isEqualTo("B2");
    for (int i = 0; i < 5; i++) {
      assertThat(second.things()[i]).isSameAs(things.get(i));
    }
  }

  @Test
  void anotherOrderOrSetOfTwinsStillPairsEachTwinWithItsOwnJson() {
    List<Thing> things = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      things.add(rack(i, 1, "B" + i));
    }
    cache.indexed(things);
    List<Thing> reordered = new ArrayList<>(List.of(things.get(3), things.get(1)));
    reordered.add(rack(9, 1, "B9")); // a new twin
    reordered.add(things.get(0));
    ThingJsonCache.Indexed now = cache.indexed(reordered);
    assertThat(now.jsons()).hasSize(4);
    for (int i = 0; i < reordered.size(); i++) {
      String id = reordered.get(i).getEntityId().orElseThrow().toString();
      assertThat(now.jsons()[i].get("thingId")).isEqualTo(JsonValue.of(id));
      assertThat(building(now.jsons()[i])).isEqualTo("B" + id.substring(id.length() - 1));
    }
  }

  private static String building(IndexedJson json) {
    return json.get("attributes/building".intern()).asString();
  }

  private static Thing rack(int n, long revision, String building) {
    return ThingsModelFactory.newThingBuilder()
        .setId(ThingId.of("greentwin.test:r" + n))
        .setRevision(revision)
        .setAttribute(JsonPointer.of("building"), JsonValue.of(building))
        .build();
  }
}
