package io.greentwin.jobs.sync;

import io.greentwin.campus.PointSpec;
import io.greentwin.units.UnitCode;

/**
 * The values a sensor reading can physically take, per unit, with a few per-property limits where
 * physics is stricter. Generous on purpose: these catch impossible values (a sign flip, a raw ADC
 * count, a unit slip), not unusual ones, which the incident job judges. Each bound says why.
 */
public final class PhysicalBounds {
  /** An inclusive range and the reason it holds; {@code integral}: only whole numbers. */
  public record Range(double min, double max, boolean integral, String why) {
    boolean contains(double v) {
      return v >= min && v <= max && (!integral || v == Math.rint(v));
    }
  }

  private PhysicalBounds() {}

  /** The range of a point's readings. */
  public static Range of(PointSpec point) {
    if (point.property().equals("online")) {
      return new Range(0, 1, true, "a status flag is 0 (off) or 1 (on)");
    }
    if (point.property().equals("cop")) {
      return new Range(
          0,
          50,
          false,
          "a COP cannot exceed the Carnot limit T_hot/(T_hot - T_cold), under 50 for any lift"
              + " above 7 K at these temperatures (DOMAIN.md, heat pumps)");
    }
    return of(point.unit());
  }

  static Range of(UnitCode unit) {
    return switch (unit) {
      case CELSIUS ->
          new Range(
              -60,
              150,
              false,
              "no air on the campus site is below -60 °C (China's record low is about -53 °C,"
                  + " Mohe, CMA) and no water it circulates is above 150 °C (district heating"
                  + " supply stays at or below 130 °C, EN 13941-1)");
      case KILOWATT ->
          new Range(
              0,
              1_000_000,
              false,
              "power readings are magnitudes (import and export are separate points), and 1 GW"
                  + " is beyond any single data-centre meter");
      case WATT ->
          new Range(
              0,
              100_000,
              false,
              "a server draws at most some kW (an 8-GPU server about 10 kW); 100 kW is none");
      case CUBIC_METRE_PER_HOUR ->
          new Range(0, 100_000, false, "flow meters report magnitudes; 100,000 m³/h is a river");
      case KILOPASCAL ->
          new Range(
              0,
              2_500,
              false,
              "pump head is a magnitude, and 2,500 kPa is the PN25 rating of the piping (EN"
                  + " 1092-1)");
      case PERCENT ->
          new Range(0, 100, false, "a percentage of range, capacity or saturation is 0 to 100");
      case RATIO -> new Range(0, 50, false, "dimensionless plant ratios here are 0 to 50");
      case WATT_PER_SQUARE_METRE ->
          new Range(
              0,
              1_600,
              false,
              "irradiance at ground level stays below the solar constant, 1361 W/m² (Kopp & Lean"
                  + " 2011), plus cloud enhancement of at most about 15 %");
      case METRE_PER_SECOND ->
          new Range(
              0,
              115,
              false,
              "the strongest wind gust ever measured is 113 m/s (Barrow Island 1996, WMO)");
      case KILOWATT_HOUR ->
          new Range(0, 1e12, false, "energy counters count up from zero and never go negative");
      case LITRE_PER_HOUR -> new Range(0, 1_000_000, false, "a water meter reports a magnitude");
      case COUNT -> new Range(0, 100_000, true, "a count is a whole number, zero or more");
    };
  }
}
