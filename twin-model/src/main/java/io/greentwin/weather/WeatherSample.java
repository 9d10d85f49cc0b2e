package io.greentwin.weather;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.time.Instant;
import java.util.Objects;

/**
 * One weather observation: irradiance components, air temperature, wind and humidity at a time.
 *
 * <p>{@code time} is the stamp as the source defines it, converted to UTC. For TMY3 and EPW files
 * it is the <em>end</em> of the hour the values were averaged over (see {@link WeatherFile#
 * averagingInterval()}); for a plain CSV it is the instant the values apply to.
 *
 * @param time stamp in UTC
 * @param ghiWm2 global horizontal irradiance, W/m²
 * @param dniWm2 direct normal irradiance, W/m²
 * @param dhiWm2 diffuse horizontal irradiance, W/m²
 * @param airTempC dry-bulb air temperature, °C
 * @param windMs wind speed, m/s
 * @param relativeHumidityPct relative humidity, % ({@code NaN} when the source has none)
 */
public record WeatherSample(
    Instant time,
    double ghiWm2,
    double dniWm2,
    double dhiWm2,
    double airTempC,
    double windMs,
    double relativeHumidityPct) {

  /** Above any terrestrial irradiance (the solar constant is ~1361–1367 W/m²). */
  private static final double MAX_IRRADIANCE_WM2 = 2000;

  /** Below the lowest air temperature ever measured (−89.2 °C, Vostok 1983, WMO). */
  private static final double MIN_AIR_TEMP_C = -90;

  /** Above the highest air temperature ever measured (56.7 °C, Death Valley 1913, WMO). */
  private static final double MAX_AIR_TEMP_C = 60;

  /** Above any sustained surface wind on record (113 m/s gust, Barrow Island 1996, WMO). */
  private static final double MAX_WIND_MS = 120;

  public WeatherSample {
    Objects.requireNonNull(time, "time");
    requireIrradiance("ghi", ghiWm2);
    requireIrradiance("dni", dniWm2);
    requireIrradiance("dhi", dhiWm2);
    require(
        Double.isFinite(airTempC) && airTempC >= MIN_AIR_TEMP_C && airTempC <= MAX_AIR_TEMP_C,
        "air temperature "
            + airTempC
            + " °C outside ["
            + MIN_AIR_TEMP_C
            + ", "
            + MAX_AIR_TEMP_C
            + "]");
    require(
        Double.isFinite(windMs) && windMs >= 0 && windMs <= MAX_WIND_MS,
        "wind speed " + windMs + " m/s outside [0, " + MAX_WIND_MS + "]");
    require(
        Double.isNaN(relativeHumidityPct)
            || (relativeHumidityPct >= 0 && relativeHumidityPct <= 100),
        "relative humidity " + relativeHumidityPct + " % outside [0, 100]");
  }

  private static void requireIrradiance(String name, double valueWm2) {
    require(
        Double.isFinite(valueWm2) && valueWm2 >= 0 && valueWm2 <= MAX_IRRADIANCE_WM2,
        name + " " + valueWm2 + " W/m² outside [0, " + MAX_IRRADIANCE_WM2 + "]");
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new GreenTwinException(ErrorCode.WEATHER_INVALID, what);
    }
  }
}
