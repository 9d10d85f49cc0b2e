package io.greentwin.weather;

/** The weather file formats {@link WeatherFiles} reads. */
public enum WeatherFormat {
  /**
   * NREL TMY3 CSV (Wilcox &amp; Marion 2008): a station line, a column header, hour-ending rows.
   */
  TMY3,
  /**
   * EnergyPlus weather file (EnergyPlus Auxiliary Programs, ch. 2): 8 header lines, hour-ending.
   */
  EPW,
  /** A plain CSV with a header row {@code time,ghi,dni,dhi,temp_air,wind_speed}. */
  CSV
}
