package io.greentwin.units;

/**
 * The unit of a sensor reading, as a case-sensitive UCUM code (Unified Code for Units of Measure,
 * Regenstrief Institute), the same code on the wire, in the twin and in the sensor-format schema.
 */
public enum UnitCode {
  KILOWATT("kW"),
  WATT("W"),
  CELSIUS("Cel"),
  CUBIC_METRE_PER_HOUR("m3/h"),
  KILOPASCAL("kPa"),
  PERCENT("%"),
  RATIO("1"),
  WATT_PER_SQUARE_METRE("W/m2"),
  METRE_PER_SECOND("m/s"),
  KILOWATT_HOUR("kWh"),
  LITRE_PER_HOUR("L/h"),
  COUNT("{count}");

  private final String ucum;

  UnitCode(String ucum) {
    this.ucum = ucum;
  }

  /** The UCUM code, e.g. {@code Cel}. */
  public String ucum() {
    return ucum;
  }

  /** The unit for a UCUM code, or null when the code is not one of ours. */
  public static UnitCode ofUcum(String code) {
    for (UnitCode u : values()) {
      if (u.ucum.equals(code)) {
        return u;
      }
    }
    return null;
  }
}
