package io.greentwin.jobs.incident;

import io.greentwin.campus.AssetKind;

/**
 * A change of one sensor's condition: raised (it became abnormal) or cleared (normal again), after
 * debouncing. Conditions of one group key make up at most one open incident at a time.
 *
 * @param groupKey the incident group: type id and the thing the incident is about (a loop, hall,
 *     array, heat export or sensor's thing)
 * @param type the incident type it belongs to
 * @param signal what it says
 * @param mainThingId the thing an incident opened by this condition is about
 * @param thingId the thing whose sensor it is
 * @param kind that thing's kind
 * @param point the sensor's {@code feature/property}
 * @param zoneId for flow and temperature signals: the CDU whose racks it concerns, or the loop for
 *     loop-wide ones; empty otherwise
 * @param relatedThingId another thing involved whenever this one is (e.g. the heat pump feeding a
 *     heat export), or empty
 * @param raised true when it became abnormal, false when it cleared
 * @param opens true when it may open an incident by itself; false for flow and temperature signals,
 *     which only join an incident the flow-loss pattern opened (the pattern's own output opens)
 * @param timeMs when it started (raised) or ended (cleared), epoch ms
 * @param value the sensor's value then
 * @param detail a short human description
 */
public record Condition(
    String groupKey,
    IncidentType type,
    Signal signal,
    String mainThingId,
    String thingId,
    AssetKind kind,
    String point,
    String zoneId,
    String relatedThingId,
    boolean raised,
    boolean opens,
    long timeMs,
    double value,
    String detail) {

  /** The identity of the sensor condition: thing, point and signal. */
  public String key() {
    return thingId + "/" + point + "/" + signal;
  }

  /** The same condition, allowed to open an incident of a group. */
  Condition opening(String group) {
    return copy(group, true);
  }

  /** The same condition in another incident group. */
  Condition inGroup(String group) {
    return copy(group, opens);
  }

  private Condition copy(String group, boolean mayOpen) {
    return new Condition(
        group,
        type,
        signal,
        mainThingId,
        thingId,
        kind,
        point,
        zoneId,
        relatedThingId,
        raised,
        mayOpen,
        timeMs,
        value,
        detail);
  }
}
