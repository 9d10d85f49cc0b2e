package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.SPA;
import net.e175.klaus.solarpositioning.SolarPosition;

/**
 * Solar position by NREL's SPA (Reda &amp; Andreas 2004, ±0.0003°) from {@code
 * net.e175.klaus:solarpositioning}, with ΔT from the library's estimate (Espenak &amp; Meeus
 * polynomials) and refraction for a standard atmosphere at the site's altitude.
 */
public final class SolarGeometry {
  /** Annual mean air temperature for the refraction correction, °C (pvlib's SPA default). */
  public static final double STANDARD_AIR_TEMP_C = 12;

  /** Bisection steps to find sunrise or sunset inside an interval: 3600 s / 2^12 ≈ 1 s. */
  private static final int HORIZON_STEPS = 12;

  private static final double HORIZON_ZENITH_DEG = 90;

  private SolarGeometry() {}

  /** The apparent sun position at an instant, refraction for the standard atmosphere. */
  public static SunPosition position(
      Instant time, double latitudeDeg, double longitudeDeg, double altitudeM) {
    return position(
        time,
        latitudeDeg,
        longitudeDeg,
        altitudeM,
        Atmosphere.pressureHpa(altitudeM),
        STANDARD_AIR_TEMP_C);
  }

  /** The apparent sun position at an instant with measured pressure and temperature. */
  public static SunPosition position(
      Instant time,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeM,
      double pressureHpa,
      double airTempC) {
    requireSite(latitudeDeg, longitudeDeg);
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    double deltaTs = DeltaT.estimate(utc.toLocalDate());
    SolarPosition p =
        SPA.calculateSolarPosition(
            utc, latitudeDeg, longitudeDeg, altitudeM, deltaTs, pressureHpa, airTempC);
    return new SunPosition(p.zenithAngle(), p.azimuth());
  }

  /**
   * The sun position that represents an averaging interval, as PVWatts evaluates hourly data (Dobos
   * 2014, PVWatts v5 manual, sun position): at the midpoint of the interval, or, when the sun rises
   * or sets inside it, at the midpoint of the part with the sun up.
   */
  public static SunPosition positionOverInterval(
      Instant start, Instant end, double latitudeDeg, double longitudeDeg, double altitudeM) {
    if (!end.isAfter(start)) {
      return position(end, latitudeDeg, longitudeDeg, altitudeM);
    }
    boolean upAtStart = position(start, latitudeDeg, longitudeDeg, altitudeM).isUp();
    boolean upAtEnd = position(end, latitudeDeg, longitudeDeg, altitudeM).isUp();
    Instant from = start;
    Instant to = end;
    if (upAtStart != upAtEnd) {
      Instant horizon = crossing(start, end, upAtStart, latitudeDeg, longitudeDeg, altitudeM);
      from = upAtStart ? start : horizon;
      to = upAtStart ? horizon : end;
    }
    return position(midpoint(from, to), latitudeDeg, longitudeDeg, altitudeM);
  }

  /** The UTC day of the year (1–366) of an instant. */
  public static int dayOfYear(Instant time) {
    return time.atZone(ZoneOffset.UTC).getDayOfYear();
  }

  private static Instant crossing(
      Instant start, Instant end, boolean upAtStart, double lat, double lon, double altM) {
    Instant lo = start;
    Instant hi = end;
    for (int i = 0; i < HORIZON_STEPS; i++) {
      Instant mid = midpoint(lo, hi);
      boolean up = position(mid, lat, lon, altM).zenithDeg() < HORIZON_ZENITH_DEG;
      if (up == upAtStart) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return midpoint(lo, hi);
  }

  private static Instant midpoint(Instant a, Instant b) {
    return a.plusNanos(Duration.between(a, b).toNanos() / 2);
  }

  private static void requireSite(double latitudeDeg, double longitudeDeg) {
    if (!(latitudeDeg >= -90 && latitudeDeg <= 90)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, "latitude " + latitudeDeg + "° outside [-90, 90]");
    }
    if (!(longitudeDeg >= -180 && longitudeDeg <= 180)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, "longitude " + longitudeDeg + "° outside [-180, 180]");
    }
  }
}
