package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecompositionTest {
  /**
   * pvlib-python test_irradiance.py test_erbs / test_erbs_all_scalar. pvlib uses a 1366.1 W/m²
   * solar constant, we use 1367, so DNI and DHI agree to within 1 %.
   */
  @ParameterizedTest
  @CsvSource({
    "50, 85, 1, 96.7192672, 41.5703604",
    "1000, 10, 1, 794.205651, 217.860117",
    "1000, 10, 171, 842.001578, 170.790318",
    "1000, 10, 180, 842.358014, 170.439297"
  })
  void erbsMatchesPvlibReference(
      double ghi, double zenith, int day, double expectedDni, double expectedDhi) {
    Irradiance irr = Decomposition.erbs(ghi, zenith, day);

    assertThat(irr.dniWm2()).isCloseTo(expectedDni, within(expectedDni * 0.01));
    assertThat(irr.dhiWm2()).isCloseTo(expectedDhi, within(expectedDhi * 0.01));
    assertThat(irr.ghiWm2()).isEqualTo(ghi);
  }

  @Test
  void componentsCloseOnGhi() {
    Irradiance irr = Decomposition.erbs(600, 40, 100);

    double cosZ = Math.cos(Math.toRadians(40));
    assertThat(irr.dniWm2() * cosZ + irr.dhiWm2()).isCloseTo(600, within(1e-9));
  }

  @Test
  void darkOrGrazingSunIsAllDiffuse() {
    assertThat(Decomposition.erbs(0, 30, 1)).isEqualTo(Irradiance.dark());
    assertThat(Decomposition.erbs(20, 89, 1)).isEqualTo(new Irradiance(20, 0, 20));
    assertThat(Decomposition.erbs(10, 120, 1)).isEqualTo(new Irradiance(10, 0, 10));
  }

  @Test
  void diffuseFractionFollowsErbsPieces() {
    assertThat(Decomposition.diffuseFraction(0.1)).isCloseTo(0.991, within(1e-12));
    assertThat(Decomposition.diffuseFraction(0.9)).isEqualTo(0.165);
    // The middle polynomial meets both ends within ~1 % (Erbs et al. 1982, Fig. 1).
    assertThat(Decomposition.diffuseFraction(0.2201)).isCloseTo(1 - 0.09 * 0.22, within(0.01));
    assertThat(Decomposition.diffuseFraction(0.8)).isCloseTo(0.165, within(0.01));
  }

  @Test
  void clearnessIndexIsCapped() {
    assertThat(Decomposition.clearnessIndex(2000, 80, 1)).isEqualTo(1.0);
    assertThat(Decomposition.clearnessIndex(0, 30, 1)).isZero();
  }
}
