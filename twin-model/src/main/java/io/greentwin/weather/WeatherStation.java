package io.greentwin.weather;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Where a weather file was recorded, from its header (TMY3 and EPW files have one).
 *
 * @param name station name as the file gives it
 * @param latitudeDeg latitude, degrees north
 * @param longitudeDeg longitude, degrees east (west is negative)
 * @param altitudeM elevation above sea level, m
 * @param utcOffset the file's fixed (standard-time) offset from UTC
 */
public record WeatherStation(
    String name, double latitudeDeg, double longitudeDeg, double altitudeM, ZoneOffset utcOffset) {

  public WeatherStation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(utcOffset, "utcOffset");
    if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
      throw invalid("latitude " + latitudeDeg + "° outside [-90, 90]");
    }
    if (!(longitudeDeg >= -180 && longitudeDeg <= 180)) {
      throw invalid("longitude " + longitudeDeg + "° outside [-180, 180]");
    }
    // Dead Sea shore (−430 m) to above Everest (8849 m).
    if (!(altitudeM >= -500 && altitudeM <= 9000)) {
      throw invalid("altitude " + altitudeM + " m outside [-500, 9000]");
    }
  }

  private static GreenTwinException invalid(String what) {
    return new GreenTwinException(ErrorCode.WEATHER_INVALID, what);
  }
}
