package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AtmosphereTest {
  @Test
  void kastenYoungAirmassMatchesPvlibReference() {
    // pvlib-python test_irradiance.py (test_perez_negative_horizon inputs, kastenyoung1989).
    assertThat(Atmosphere.relativeAirmass(57.746951)).isCloseTo(1.869315, within(1e-5));
    assertThat(Atmosphere.relativeAirmass(75.353368)).isCloseTo(3.900136, within(1e-5));
    // At the zenith the formula gives a little under 1.
    assertThat(Atmosphere.relativeAirmass(0)).isCloseTo(0.99971, within(1e-4));
  }

  @Test
  void airmassIsUndefinedBelowTheHorizon() {
    assertThat(Atmosphere.relativeAirmass(90)).isCloseTo(37.9, within(0.1));
    assertThat(Atmosphere.relativeAirmass(90.5)).isNaN();
  }

  @Test
  void pressureFallsWithAltitude() {
    assertThat(Atmosphere.pressureHpa(0)).isEqualTo(1013.25);
    // Standard atmosphere: 898.7 hPa at 1000 m, 795.0 hPa at 2000 m (ISO 2533 tables).
    assertThat(Atmosphere.pressureHpa(1000)).isCloseTo(898.7, within(0.2));
    assertThat(Atmosphere.pressureHpa(2000)).isCloseTo(795.0, within(0.2));
    assertThat(Atmosphere.absoluteAirmass(0, 2000))
        .isCloseTo(0.99971 * 795.0 / 1013.25, within(1e-3));
  }
}
