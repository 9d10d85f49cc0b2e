package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClearSkyTest {
  @Test
  void haurwitzMatchesDomainCheckValue() {
    // DOMAIN.md: z 30° → 888.3 W/m².
    assertThat(ClearSky.haurwitzGhiWm2(30)).isCloseTo(888.3, within(0.05));
  }

  @Test
  void haurwitzMatchesPvlibReference() {
    // pvlib test_clearsky.py test_haurwitz (apparent elevation 5, 30, 90°).
    assertThat(ClearSky.haurwitzGhiWm2(85)).isCloseTo(48.6298687941956, within(1e-6));
    assertThat(ClearSky.haurwitzGhiWm2(60)).isCloseTo(487.894132885425, within(1e-6));
    assertThat(ClearSky.haurwitzGhiWm2(0)).isCloseTo(1035.09203253450, within(1e-6));
  }

  @Test
  void haurwitzIsZeroAtAndBelowHorizon() {
    assertThat(ClearSky.haurwitzGhiWm2(90)).isZero();
    assertThat(ClearSky.haurwitzGhiWm2(120)).isZero();
  }

  @Test
  void ineichenMatchesPvlibReference() {
    // pvlib test_clearsky.py test_ineichen_scalar_input / test_ineichen_altitude:
    // zenith 10°, absolute air mass 1, Linke turbidity 3, E0n 1364 W/m².
    Irradiance sea = ClearSky.ineichenPerez(10, 1, 3, 0, 1364);
    assertThat(sea.ghiWm2()).isCloseTo(1038.159219, within(1e-4));
    assertThat(sea.dniWm2()).isCloseTo(942.2081860378344, within(1e-4));
    assertThat(sea.dhiWm2()).isCloseTo(110.26529293612793, within(1e-4));

    Irradiance high = ClearSky.ineichenPerez(10, 1, 3, 2000, 1364);
    assertThat(high.ghiWm2()).isCloseTo(1134.24312405, within(1e-4));
    assertThat(high.dniWm2()).isCloseTo(994.95377835, within(1e-4));
    assertThat(high.dhiWm2()).isCloseTo(154.40492924, within(1e-4));
  }

  @Test
  void ineichenLowSunCaseMatchesPvlib() {
    // pvlib test_ineichen_series, 06:00 row: zenith 82.85°, air mass 6.979, TL 3.
    Irradiance irr = ClearSky.ineichenPerez(82.85457044, 6.97935524, 3, 0, 1364);
    assertThat(irr.ghiWm2()).isCloseTo(65.49426624, within(1e-4));
    assertThat(irr.dniWm2()).isCloseTo(321.16092181, within(1e-4));
    assertThat(irr.dhiWm2()).isCloseTo(25.54562017, within(1e-4));
  }

  @Test
  void ineichenAtATimeIsConsistentAndDimsWithTurbidity() {
    Instant june = Instant.parse("2024-06-21T04:00:00Z");
    Irradiance clean = ClearSky.ineichenPerez(june, 20, 15, 2);
    Irradiance urban = ClearSky.ineichenPerez(june, 20, 15, 5);
    double cosZ = Math.cos(Math.toRadians(20));

    assertThat(clean.ghiWm2()).isCloseTo(clean.dniWm2() * cosZ + clean.dhiWm2(), within(1e-9));
    assertThat(clean.ghiWm2()).isBetween(950.0, 1100.0);
    assertThat(urban.dniWm2()).isLessThan(clean.dniWm2() - 100);
    assertThat(urban.dhiWm2()).isGreaterThan(clean.dhiWm2());
    assertThat(ClearSky.ineichenPerez(june, 95, 15, 3)).isEqualTo(Irradiance.dark());
  }
}
