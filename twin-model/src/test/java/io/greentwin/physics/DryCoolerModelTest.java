package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DryCoolerModelTest {
  // Rated 1000 kW at 50 °C water in, 35 °C air (ITD 15 K); approaches 5 + 2 K; fans 20 kW.
  private final DryCoolerModel cooler = new DryCoolerModel(1000, 50, 35, 5, 2, 20);

  @Test
  void freeCoolsWhileAmbientPlusBothApproachesStaysAtTheSetpoint() {
    assertThat(cooler.canFreeCool(38, 45)).isTrue();
    assertThat(cooler.canFreeCool(38.1, 45)).isFalse();
    assertThat(cooler.canFreeCool(-10, 45)).isTrue();
  }

  @Test
  void capacityScalesWithTheInitialTemperatureDifference() {
    assertThat(cooler.capacityAtFullFanKw(50, 35)).isEqualTo(1000, within(1e-9));
    assertThat(cooler.capacityAtFullFanKw(55, 25)).isEqualTo(2000, within(1e-9));
    assertThat(cooler.capacityAtFullFanKw(50, 42.5)).isEqualTo(500, within(1e-9));
  }

  @Test
  void halfTheCapacityRunsTheFansAtHalfSpeedForAnEighthOfTheirPower() {
    DryCoolerState state = cooler.operate(500, 50, 35);
    assertThat(state.heatRejectedKw()).isEqualTo(500, within(1e-9));
    assertThat(state.fanSpeedFraction()).isEqualTo(0.5, within(1e-12));
    assertThat(state.fanPowerKw()).isEqualTo(2.5, within(1e-9));
    assertThat(state.shortfallKw()).isZero();
  }

  @Test
  void loadBeyondCapacityRunsFullFanAndReportsTheShortfall() {
    DryCoolerState state = cooler.operate(1200, 50, 42.5);
    assertThat(state.heatRejectedKw()).isEqualTo(500, within(1e-9));
    assertThat(state.fanSpeedFraction()).isEqualTo(1);
    assertThat(state.fanPowerKw()).isEqualTo(20, within(1e-9));
    assertThat(state.shortfallKw()).isEqualTo(700, within(1e-9));
  }

  @Test
  void waterNoWarmerThanAirRejectsNothing() {
    DryCoolerState state = cooler.operate(300, 30, 32);
    assertThat(state.heatRejectedKw()).isZero();
    assertThat(state.shortfallKw()).isEqualTo(300);
    assertThat(state.fanSpeedFraction()).isEqualTo(1);
  }

  @Test
  void noHeatStopsTheFans() {
    assertThat(cooler.operate(0, 50, 10)).isEqualTo(new DryCoolerState(0, 0, 0, 0));
  }

  @Test
  void rejectsADesignPointWithAirWarmerThanWater() {
    assertRejected(() -> new DryCoolerModel(1000, 30, 35, 5, 2, 20), "designInletWaterTempC");
    assertRejected(() -> cooler.operate(-1, 50, 35), "heatKw");
  }
}
