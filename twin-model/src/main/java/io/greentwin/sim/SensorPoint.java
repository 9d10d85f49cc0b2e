package io.greentwin.sim;

import io.greentwin.campus.AssetKind;
import io.greentwin.units.UnitCode;
import java.nio.charset.StandardCharsets;

/**
 * One sensor of the campus: a point of one asset, numbered densely from 0 so per-sensor state
 * (sequence numbers, stuck values) lives in arrays. Carries its JSON prefix, pre-encoded once.
 */
public record SensorPoint(
    int index,
    String thingId,
    AssetKind kind,
    String feature,
    String property,
    UnitCode unit,
    byte[] jsonPrefix) {

  static SensorPoint of(
      int index, String thingId, AssetKind kind, String feature, String property, UnitCode unit) {
    String prefix =
        "{\"thingId\":\""
            + thingId
            + "\",\"feature\":\""
            + feature
            + "\",\"property\":\""
            + property
            + "\",\"value\":";
    return new SensorPoint(
        index, thingId, kind, feature, property, unit, prefix.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code thingId/feature/property}: the sensor's identity for de-duplication. */
  public String sensorKey() {
    return thingId + "/" + feature + "/" + property;
  }
}
