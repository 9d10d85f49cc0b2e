package io.greentwin.jobs.incident;

/** What the incident job detects, with the id used in incident ids and twins. */
public enum IncidentType {
  /** A CDU, loop or pump loses flow and a coolant or rack-inlet temperature rises after it. */
  COOLANT_FLOW_LOSS(
      "coolant-flow-loss", "Coolant flow loss followed by a temperature rise", Severity.CRITICAL),
  /** Facility-water supply above the maximum of its ASHRAE liquid-cooling class. */
  COOLANT_OVER_CLASS(
      "coolant-over-class", "Coolant supply above its ASHRAE water class", Severity.MAJOR),
  /** Rack inlet air outside the ASHRAE allowable range of the equipment's air class. */
  RACK_INLET_OUT_OF_RANGE(
      "rack-inlet-out-of-range",
      "Rack inlet outside the ASHRAE allowable range",
      Severity.CRITICAL),
  /** A PV inverter delivers no AC power while its array is in sunshine. */
  PV_INVERTER_TRIP("pv-inverter-trip", "PV inverter down in sunshine", Severity.MINOR),
  /** A sensor repeats the same value where it normally varies. */
  SENSOR_STUCK("sensor-stuck", "Sensor stuck at one value", Severity.WARNING),
  /** A sensor stops reporting. */
  SENSOR_SILENT("sensor-silent", "Sensor silent", Severity.WARNING),
  /** Heat delivered to a customer falls short of what was offered and demanded. */
  HEAT_EXPORT_SHORTFALL("heat-export-shortfall", "Heat export short of the offer", Severity.MAJOR);

  private final String id;
  private final String title;
  private final Severity severity;

  IncidentType(String id, String title, Severity severity) {
    this.id = id;
    this.title = title;
    this.severity = severity;
  }

  /** The id in incident ids and twins, e.g. {@code coolant-flow-loss}. */
  public String id() {
    return id;
  }

  /** A human title. */
  public String title() {
    return title;
  }

  /** The severity an incident of this type gets. */
  public Severity severity() {
    return severity;
  }
}
