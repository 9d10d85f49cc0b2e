package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PumpModelTest {
  private final PumpModel pump = new PumpModel(87, 150, PumpModel.TYPICAL_EFFICIENCY);

  @Test
  void hydraulicPowerIsFlowTimesHeadOverEfficiency() {
    // 87 m³/h = 0.024167 m³/s; × 150 kPa = 3.625 kW; / 0.87 = 4.1667 kW.
    assertThat(PumpModel.hydraulicPowerKw(87, 150, 0.87)).isEqualTo(4.1667, within(1e-4));
  }

  @Test
  void designPointGivesDesignHeadAndFullSpeed() {
    assertThat(pump.speedFraction(87)).isEqualTo(1);
    assertThat(pump.headKpa(87)).isEqualTo(150, within(1e-9));
    assertThat(pump.powerKw(87)).isEqualTo(4.1667, within(1e-4));
  }

  @Test
  void halfFlowNeedsAQuarterOfTheHeadAndAnEighthOfThePower() {
    assertThat(pump.speedFraction(43.5)).isEqualTo(0.5);
    assertThat(pump.headKpa(43.5)).isEqualTo(37.5, within(1e-9));
    assertThat(pump.powerKw(43.5)).isEqualTo(pump.powerKw(87) / 8, within(1e-9));
  }

  @Test
  void noFlowNoPower() {
    assertThat(pump.powerKw(0)).isZero();
  }

  @Test
  void rejectsImpossibleEfficiencyAndNegativeFlow() {
    assertRejected(() -> new PumpModel(87, 150, 0), "efficiency");
    assertRejected(() -> new PumpModel(87, 150, 1.2), "efficiency");
    assertRejected(() -> pump.powerKw(-1), "flowM3h");
  }
}
