package io.greentwin.testsupport;

import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Watches every change event of a twin service and records where a twin went back: a revision not
 * above the thing's previous one, or a feature's {@code observedAt} earlier than one it already
 * had. Each feature's newest {@code observedAt} is kept for the test to compare.
 */
public final class TwinTimeline implements AutoCloseable {
  private final Map<String, Long> revisions = new HashMap<>();
  private final Map<String, String> observedAt = new HashMap<>();
  private final List<String> wentBack = new ArrayList<>();
  private final AutoCloseable subscription;
  private long events;

  private TwinTimeline(TwinService twins) {
    this.subscription = twins.subscribe(this::on);
  }

  /** Starts watching the events of {@code twins} from now on. */
  public static TwinTimeline watch(TwinService twins) {
    return new TwinTimeline(twins);
  }

  private synchronized void on(TwinEvent e) {
    events++;
    String thing = e.thingId().toString();
    Long before = revisions.put(thing, e.revision());
    if (before != null && e.revision() <= before) {
      wentBack.add(thing + ": revision " + e.revision() + " after " + before);
    }
    JsonValue v = e.path().isEmpty() ? e.value() : JsonValue.nullLiteral();
    if (!v.isObject()) {
      return;
    }
    JsonObject features =
        v.asObject()
            .getValue("features")
            .filter(JsonValue::isObject)
            .map(JsonValue::asObject)
            .orElse(JsonObject.empty());
    features.forEach(
        f -> {
          JsonValue at =
              f.getValue().isObject()
                  ? f.getValue()
                      .asObject()
                      .getValue(JsonPointer.of("/properties/" + ObservedAt.PROPERTY))
                      .orElse(JsonValue.nullLiteral())
                  : JsonValue.nullLiteral();
          if (at.isString()) {
            String key = thing + "/" + f.getKeyName();
            String previous = observedAt.put(key, at.asString());
            if (previous != null && at.asString().compareTo(previous) < 0) {
              wentBack.add(key + ": observedAt " + at.asString() + " after " + previous);
            }
          }
        });
  }

  /** Every step back seen so far, described. */
  public synchronized List<String> wentBack() {
    return List.copyOf(wentBack);
  }

  /**
   * Where the twins do not end as the simulation did: every twin of {@code truth} must hold each
   * sensor's newest value and each feature's newest {@code observedAt} (checked against the twins'
   * current state, and against the newest {@code observedAt} the events carried).
   */
  public synchronized List<String> differencesFrom(SimulatedTruth truth, TwinService twins) {
    List<String> out = new ArrayList<>();
    Map<String, String> current = new HashMap<>();
    truth
        .values()
        .forEach(
            (thing, expected) -> {
              Map<String, Double> actual = new TreeMap<>();
              twins
                  .get(ThingId.of(thing))
                  .flatMap(Thing::getFeatures)
                  .ifPresent(fs -> fs.forEach(f -> read(thing, f, actual, current)));
              if (!actual.equals(expected)) {
                out.add(thing + ": " + actual + " instead of " + expected);
              }
            });
    truth
        .observedAt()
        .forEach(
            (key, time) -> {
              if (!time.equals(current.get(key)) || !time.equals(observedAt.get(key))) {
                out.add(
                    key
                        + ": observedAt "
                        + current.get(key)
                        + " (newest in events: "
                        + observedAt.get(key)
                        + ") instead of "
                        + time);
              }
            });
    return out;
  }

  private static void read(
      String thing, Feature f, Map<String, Double> numbers, Map<String, String> observed) {
    f.getProperties()
        .ifPresent(
            ps ->
                ps.forEach(
                    p -> {
                      if (p.getValue().isNumber()) {
                        numbers.put(f.getId() + "/" + p.getKeyName(), p.getValue().asDouble());
                      } else if (p.getKeyName().toString().equals(ObservedAt.PROPERTY)) {
                        observed.put(thing + "/" + f.getId(), p.getValue().asString());
                      }
                    }));
  }

  /** Change events seen so far. */
  public synchronized long events() {
    return events;
  }

  @Override
  public void close() throws Exception {
    subscription.close();
  }
}
