package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Generation fuel types, with their EIA-930 fuel codes (as in EIA's hourly grid monitor). */
public enum Fuel {
  WIND("WND"),
  SOLAR("SUN"),
  HYDRO("WAT"),
  OIL("OIL"),
  GAS("NG"),
  COAL("COL"),
  NUCLEAR("NUC"),
  OTHER("OTH");

  private final String eiaCode;

  Fuel(String eiaCode) {
    this.eiaCode = eiaCode;
  }

  /** EIA-930 code, e.g. {@code NG} for natural gas. */
  public String eiaCode() {
    return eiaCode;
  }

  /**
   * The fuel for an EIA-930 code.
   *
   * @throws io.greentwin.error.GreenTwinException ({@code argument:invalid}) naming the known codes
   */
  public static Fuel fromEiaCode(String code) {
    for (Fuel f : values()) {
      if (f.eiaCode.equals(code)) {
        return f;
      }
    }
    throw Require.invalid(
        "unknown EIA-930 fuel code '"
            + code
            + "'; known: "
            + Arrays.stream(values()).map(Fuel::eiaCode).collect(Collectors.joining(", ")));
  }
}
