package io.greentwin.jobs.sync;

import io.greentwin.sim.Reading;
import java.io.Serializable;
import java.util.HashMap;

/**
 * Values by sensor point, found from a reading's thing, feature and property as they are, without
 * building its {@code thingId/feature/property} key: jobs look several of these up for every
 * reading, and most readings (the servers') miss at the first level. Serializable with the job.
 *
 * @param <V> the value kept per sensor
 */
public final class SensorMap<V extends Serializable> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HashMap<String, HashMap<String, HashMap<String, V>>> byThing = new HashMap<>();
  private final HashMap<String, V> byKey = new HashMap<>();

  /** Adds the value of sensor {@code thingId}'s {@code feature/property}. */
  public void put(String thingId, String feature, String property, V value) {
    byThing
        .computeIfAbsent(thingId, t -> new HashMap<>())
        .computeIfAbsent(feature, f -> new HashMap<>())
        .put(property, value);
    byKey.put(thingId + "/" + feature + "/" + property, value);
  }

  /** The value of the reading's sensor, or null. */
  public V get(Reading r) {
    HashMap<String, HashMap<String, V>> features = byThing.get(r.thingId());
    if (features == null) {
      return null;
    }
    HashMap<String, V> properties = features.get(r.feature());
    return properties == null ? null : properties.get(r.property());
  }

  /** The value of a sensor by its key ({@link Reading#sensorKey()}), or null. */
  public V get(String sensorKey) {
    return byKey.get(sensorKey);
  }
}
