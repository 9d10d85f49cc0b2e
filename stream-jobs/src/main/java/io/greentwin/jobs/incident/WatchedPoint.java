package io.greentwin.jobs.incident;

import io.greentwin.campus.AssetKind;
import java.io.Serializable;

/**
 * One sensor the incident job watches, with what it is checked for and where it sits.
 *
 * @param thingId the sensor's thing
 * @param kind the thing's kind
 * @param point {@code feature/property}
 * @param limit which fixed limit applies, if any
 * @param deviation {@link Signal#FLOW_LOSS} or {@link Signal#TEMP_RISE} when it is watched against
 *     its usual value; null otherwise
 * @param stuck how it is watched for stuck values, or null when it is not
 * @param loopId the cooling loop it belongs to, or empty
 * @param zoneId the CDU whose racks it concerns, the loop for loop-wide points, or empty
 * @param hallId the hall of a rack, or empty
 * @param relatedThingId a thing involved with it (the heat pump feeding a heat export), or empty
 */
record WatchedPoint(
    String thingId,
    AssetKind kind,
    String point,
    Limit limit,
    Signal deviation,
    StuckCheck stuck,
    String loopId,
    String zoneId,
    String hallId,
    String relatedThingId)
    implements Serializable {

  /**
   * When a run of identical values makes a sensor stuck.
   *
   * @param afterMs how long the value must stay identical (besides the configured sample count)
   * @param floor the low end of the point's physical range: a sensor resting there (no sun, no
   *     power) is not stuck
   * @param ceiling the high end: a saturated sensor (fog at 100 % humidity) is not stuck either
   */
  record StuckCheck(long afterMs, double floor, double ceiling) implements Serializable {
    /** Whether {@code value} is at either end of the range. */
    boolean saturated(double value) {
      return value <= floor || value >= ceiling;
    }
  }

  /** A fixed limit a sensor is held to. */
  enum Limit {
    NONE,
    /** Facility-water supply: at most the water class's maximum. */
    WATER_SUPPLY,
    /** Rack inlet air: within the air class's allowable range. */
    AIR_INLET
  }
}
