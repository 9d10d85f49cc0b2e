package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LiquidCoolingTest {

  @Test
  void liquidTakesItsFractionAndAirTheRest() {
    HeatSplit split = LiquidCooling.split(2000, LiquidCooling.TYPICAL_LIQUID_FRACTION);
    assertThat(split.liquidKw()).isEqualTo(1800, within(1e-9));
    assertThat(split.airKw()).isEqualTo(200, within(1e-9));
    assertThat(split.totalKw()).isEqualTo(2000, within(1e-9));
  }

  @Test
  void extremesSendEverythingOneWay() {
    assertThat(LiquidCooling.split(500, 1).airKw()).isZero();
    assertThat(LiquidCooling.split(500, 0).liquidKw()).isZero();
  }

  @Test
  void rejectsFractionAboveOneAndNegativePower() {
    assertRejected(() -> LiquidCooling.split(500, 1.1), "liquidFraction");
    assertRejected(() -> LiquidCooling.split(-1, 0.9), "itPowerKw");
  }
}
