package io.greentwin.sim;

import io.greentwin.campus.Asset;
import io.greentwin.campus.Campus;
import io.greentwin.campus.PointSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sensor of a campus, numbered densely: asset by asset in {@link Campus#assets()} order, each
 * asset's points in its kind's order. Looks sensors up by thing and path.
 */
public final class SensorPoints {
  private final SensorPoint[] points;
  private final Map<String, Integer> firstByThing = new HashMap<>();
  private final Map<String, SensorPoint> byKey = new HashMap<>();

  public SensorPoints(Campus campus) {
    List<SensorPoint> list = new ArrayList<>();
    for (Asset a : campus.assets()) {
      firstByThing.put(a.id(), list.size());
      for (PointSpec p : a.kind().points()) {
        SensorPoint sp =
            SensorPoint.of(list.size(), a.id(), a.kind(), p.feature(), p.property(), p.unit());
        list.add(sp);
        byKey.put(sp.sensorKey(), sp);
      }
    }
    points = list.toArray(new SensorPoint[0]);
  }

  /** The number of sensors. */
  public int size() {
    return points.length;
  }

  /** The sensor with this index. */
  public SensorPoint get(int index) {
    return points[index];
  }

  /** The index of the first sensor of a thing. */
  public int first(String thingId) {
    Integer i = firstByThing.get(thingId);
    if (i == null) {
      throw new IllegalArgumentException("no such thing: " + thingId);
    }
    return i;
  }

  /** The sensor {@code thingId/feature/property}, or null. */
  public SensorPoint find(String thingId, String feature, String property) {
    return byKey.get(thingId + "/" + feature + "/" + property);
  }

  /** The sensors of one thing. */
  public List<SensorPoint> ofThing(String thingId) {
    List<SensorPoint> out = new ArrayList<>();
    int i = first(thingId);
    while (i < points.length && points[i].thingId().equals(thingId)) {
      out.add(points[i++]);
    }
    return out;
  }
}
