package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExtraterrestrialIrradianceTest {
  @Test
  void peaksAtPerihelionAndDipsAtAphelion() {
    // Earth–sun distance factor 1.0350 in early January, 0.9667 in early July (Iqbal 1983).
    assertThat(ExtraterrestrialIrradiance.dniWm2(3)).isCloseTo(1367 * 1.0350, within(1.0));
    assertThat(ExtraterrestrialIrradiance.dniWm2(185)).isCloseTo(1367 * 0.9667, within(1.0));
  }

  @Test
  void matchesPvlibReferenceWithinSolarConstantDifference() {
    // pvlib test_get_extra_radiation: 2016-10-26 (day 300) → 1383.64 W/m² with 1366.1 W/m².
    assertThat(ExtraterrestrialIrradiance.dniWm2(300))
        .isCloseTo(1383.64 * 1367 / 1366.1, within(1.0));
  }

  @Test
  void rejectsDayOutOfRange() {
    assertThatThrownBy(() -> ExtraterrestrialIrradiance.dniWm2(0)).hasMessageContaining("day");
    assertThatThrownBy(() -> ExtraterrestrialIrradiance.dniWm2(367)).hasMessageContaining("day");
  }
}
