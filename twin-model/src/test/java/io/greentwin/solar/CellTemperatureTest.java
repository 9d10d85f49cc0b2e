package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CellTemperatureTest {
  @Test
  void sapmMatchesDomainCheckValue() {
    // DOMAIN.md: E 800, Ta 30, WS 2 → 51.98 °C (glass/polymer open rack).
    assertThat(CellTemperature.sapmC(800, 30, 2)).isCloseTo(51.98, within(0.005));
  }

  @Test
  void sapmMatchesPvlibReference() {
    // pvlib test_temperature.py test_sapm_cell: 900 W/m², 20 °C, 5 m/s, open_rack_glass_glass
    // (a −3.47, b −0.0594, ΔT 3) → 43.509190.
    assertThat(CellTemperature.sapmC(900, 20, 5, -3.47, -0.0594, 3))
        .isCloseTo(43.509190, within(1e-5));
  }

  @Test
  void noctMatchesDomainCheckValue() {
    // DOMAIN.md: NOCT 45, Ta 30, G 800 → 55.0 °C.
    assertThat(CellTemperature.noctC(800, 30, 45)).isCloseTo(55.0, within(1e-9));
  }

  @Test
  void windCoolsAndDarknessLeavesAirTemperature() {
    assertThat(CellTemperature.sapmC(800, 30, 8)).isLessThan(CellTemperature.sapmC(800, 30, 1));
    assertThat(CellTemperature.sapmC(0, -5, 3)).isEqualTo(-5);
    assertThat(CellTemperature.noctC(0, -5, 45)).isEqualTo(-5);
  }

  @Test
  void dispatchesByModel() {
    assertThat(CellTemperature.cellTempC(CellTempModel.SAPM, 800, 30, 2))
        .isEqualTo(CellTemperature.sapmC(800, 30, 2));
    assertThat(CellTemperature.cellTempC(CellTempModel.NOCT, 800, 30, 2))
        .isEqualTo(CellTemperature.noctC(800, 30, CellTemperature.DEFAULT_NOCT_C));
  }
}
