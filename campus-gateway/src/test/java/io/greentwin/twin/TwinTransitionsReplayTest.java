package io.greentwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

class TwinTransitionsReplayTest {
  static final ThingId ID = ThingId.of("greentwin.test:replay");
  static final String[] PATHS = {
    "/attributes/a", "/attributes/b/c", "/features/f/properties/x", "/features/g", "/attributes"
  };

  @Test
  void replayingARunOfEventsGivesTheSameThingAsApplyingThemOneByOne() {
    SplittableRandom random = new SplittableRandom(11);
    for (int run = 0; run < 40; run++) {
      List<TwinEvent> events = new ArrayList<>();
      Optional<Thing> stepByStep = Optional.empty();
      Instant t = Instant.parse("2026-05-01T00:00:00Z");
      for (int rev = 1; rev <= 30; rev++) {
        t = t.plusSeconds(1 + random.nextInt(5));
        try {
          TwinEvent e = TwinTransitions.decide(stepByStep, write(random), rev, t).event();
          events.add(e);
          stepByStep = TwinTransitions.apply(stepByStep, e);
        } catch (DittoRuntimeException rejected) {
          rev--;
        }
        assertThat(TwinTransitions.replay(Optional.empty(), events))
            .as("run %d after %d events", run, events.size())
            .isEqualTo(stepByStep);
      }
    }
  }

  private static TwinWrite write(SplittableRandom r) {
    int kind = r.nextInt(10);
    String path = PATHS[r.nextInt(PATHS.length)];
    JsonValue value =
        path.equals("/features/g") || path.equals("/attributes")
            ? JsonFactory.readFrom("{\"k\":" + r.nextInt(100) + "}")
            : JsonValue.of(r.nextInt(100));
    if (kind == 0) {
      return TwinWrite.put(
          ID, JsonPointer.empty(), JsonFactory.readFrom("{\"attributes\":{}}"), "t");
    } else if (kind == 1) {
      return TwinWrite.delete(ID, JsonPointer.empty(), "t");
    } else if (kind < 4) {
      return TwinWrite.delete(ID, JsonPointer.of(path), "t");
    } else if (kind < 6) {
      return TwinWrite.merge(
          ID,
          JsonPointer.of("/features/f/properties"),
          JsonFactory.readFrom("{\"x\":null,\"y\":2}"),
          "t");
    }
    return TwinWrite.put(ID, JsonPointer.of(path), value, "t");
  }
}
