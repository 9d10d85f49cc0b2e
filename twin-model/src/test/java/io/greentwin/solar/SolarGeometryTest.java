package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SolarGeometryTest {
  /** The demo campus at Xianghe, Langfang (DOMAIN.md). */
  private static final double LAT = 39.76;

  private static final double LON = 116.99;
  private static final double ALT_M = 15;

  @Test
  void matchesSpaReferenceExample() {
    // Reda & Andreas (2004), NREL/TP-560-34302, Table A4.1: 2003-10-17 12:30:30 UTC-7, Golden CO,
    // 1830.14 m, 820 hPa, 11 °C → topocentric zenith 50.11162°, azimuth 194.34024° (ΔT 67 s there;
    // the library's ΔT estimate differs by ~2 s, i.e. < 0.01°).
    Instant t = OffsetDateTime.parse("2003-10-17T12:30:30-07:00").toInstant();

    SunPosition sun = SolarGeometry.position(t, 39.742476, -105.1786, 1830.14, 820, 11);

    assertThat(sun.zenithDeg()).isCloseTo(50.11162, within(0.01));
    assertThat(sun.azimuthDeg()).isCloseTo(194.34024, within(0.01));
    assertThat(sun.elevationDeg()).isCloseTo(90 - 50.11162, within(0.01));
  }

  @Test
  void sunIsDueSouthAtSolarNoonAndZenithEqualsLatitudeAtEquinox() {
    // March equinox 2024: 2024-03-20 03:06 UTC; local solar noon at 117° E is near 04:15 UTC.
    Instant day = Instant.parse("2024-03-20T00:00:00Z");
    Instant noon = day;
    double best = 180;
    for (int minute = 0; minute < 12 * 60; minute++) {
      Instant t = day.plus(Duration.ofMinutes(minute));
      double z = SolarGeometry.position(t, LAT, LON, ALT_M).zenithDeg();
      if (z < best) {
        best = z;
        noon = t;
      }
    }
    SunPosition sun = SolarGeometry.position(noon, LAT, LON, ALT_M);

    assertThat(sun.azimuthDeg()).isCloseTo(180, within(0.5));
    // Declination is within 0.1° of zero; refraction lifts the sun by ~0.02° at 50° elevation.
    assertThat(sun.zenithDeg()).isCloseTo(LAT, within(0.2));
    // 12:00 − 116.99°/15 h − equation of time (−7.5 min) ≈ 04:19.6 UTC.
    assertThat(Duration.between(Instant.parse("2024-03-20T04:19:36Z"), noon).abs())
        .isLessThan(Duration.ofMinutes(3));
  }

  @Test
  void sunIsNorthAtNoonInTheSouthernHemisphere() {
    // Sydney (33.87° S, 151.21° E), June solstice: solar noon near 01:58 UTC.
    SunPosition sun =
        SolarGeometry.position(Instant.parse("2024-06-21T01:58:00Z"), -33.87, 151.21, 0);

    assertThat(Math.min(sun.azimuthDeg(), 360 - sun.azimuthDeg())).isLessThan(2);
    // Zenith = latitude + declination = 33.87 + 23.44.
    assertThat(sun.zenithDeg()).isCloseTo(57.31, within(0.3));
  }

  @Test
  void intervalPositionIsMidpointWhenTheSunIsUpThroughout() {
    Instant start = Instant.parse("2024-06-21T03:00:00Z");
    Instant end = start.plus(Duration.ofHours(1));

    SunPosition interval = SolarGeometry.positionOverInterval(start, end, LAT, LON, ALT_M);
    SunPosition mid = SolarGeometry.position(start.plus(Duration.ofMinutes(30)), LAT, LON, ALT_M);

    assertThat(interval).isEqualTo(mid);
  }

  @Test
  void intervalPositionAtSunriseIsMidwayThroughTheSunlitPart() {
    // Xianghe sunrise on 2024-06-21 is near 04:46 local (UTC+8) = 20:46 UTC the day before.
    Instant start = Instant.parse("2024-06-20T20:00:00Z");
    Instant end = start.plus(Duration.ofHours(1));
    assertThat(SolarGeometry.position(start, LAT, LON, ALT_M).isUp()).isFalse();
    assertThat(SolarGeometry.position(end, LAT, LON, ALT_M).isUp()).isTrue();

    SunPosition sun = SolarGeometry.positionOverInterval(start, end, LAT, LON, ALT_M);
    SunPosition mid = SolarGeometry.position(start.plus(Duration.ofMinutes(30)), LAT, LON, ALT_M);

    assertThat(sun.isUp()).isTrue();
    // Halfway between sunrise (~20:46) and 21:00: higher than the clock midpoint, below 3°.
    assertThat(sun.elevationDeg()).isGreaterThan(mid.elevationDeg()).isLessThan(3);
  }

  @Test
  void dayOfYearIsUtc() {
    assertThat(SolarGeometry.dayOfYear(Instant.parse("2023-12-31T23:59:59Z"))).isEqualTo(365);
    assertThat(SolarGeometry.dayOfYear(Instant.parse("2024-12-31T12:00:00Z"))).isEqualTo(366);
    assertThat(SolarGeometry.dayOfYear(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(1);
  }

  @Test
  void rejectsImpossibleSites() {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> SolarGeometry.position(t, 91, 0, 0)).hasMessageContaining("latitude");
    assertThatThrownBy(() -> SolarGeometry.position(t, 0, 181, 0))
        .hasMessageContaining("longitude");
    assertThatThrownBy(() -> new SunPosition(-1, 0)).hasMessageContaining("zenith");
    assertThatThrownBy(() -> new SunPosition(10, 361)).hasMessageContaining("azimuth");
  }
}
