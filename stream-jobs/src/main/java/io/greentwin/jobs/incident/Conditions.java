package io.greentwin.jobs.incident;

import java.util.Locale;

/** Builds the conditions of one watched sensor, each in its incident group. */
final class Conditions {
  private Conditions() {}

  /** The group key of an incident type about a thing. */
  static String group(IncidentType type, String thingId) {
    return type.id() + "|" + thingId;
  }

  /** A raised or cleared condition of a sensor in an incident about {@code mainThingId}. */
  static Condition of(
      WatchedPoint w,
      IncidentType type,
      Signal signal,
      String mainThingId,
      boolean raised,
      boolean opens,
      long timeMs,
      double value,
      String detail) {
    return new Condition(
        group(type, mainThingId),
        type,
        signal,
        mainThingId,
        w.thingId(),
        w.kind(),
        w.point(),
        w.zoneId(),
        w.relatedThingId(),
        raised,
        opens,
        timeMs,
        value,
        detail);
  }

  /**
   * A flow or temperature signal of a cooling loop, in the loop's group: it only joins incidents
   * (the flow-loss pattern opens them).
   */
  static Condition flowSignal(
      WatchedPoint w, Signal signal, boolean raised, long timeMs, double value, double usual) {
    String unit = signal == Signal.FLOW_LOSS ? "m3/h" : "°C";
    String detail =
        raised
            ? format(
                "%s %s %.1f %s, usually %.1f", local(w.thingId()), w.point(), value, unit, usual)
            : "";
    IncidentType type = IncidentType.COOLANT_FLOW_LOSS;
    return of(w, type, signal, w.thingId(), raised, false, timeMs, value, detail)
        .inGroup(group(type, w.loopId()));
  }

  /** {@code String.format} in the root locale. */
  static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** The name part of a thing id ({@code ns:name} → {@code name}). */
  static String local(String thingId) {
    return thingId.substring(thingId.indexOf(':') + 1);
  }
}
