package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChillerModelTest {
  private final ChillerModel chiller = new ChillerModel(0.5, 2, 3);

  @Test
  void carnotCopOfTheDomainCheck() {
    // DOMAIN.md: T_evap 16 °C, T_cond 38 °C → 289.15 / 22 = 13.14.
    assertThat(ChillerModel.carnotCop(16, 38)).isEqualTo(13.14, within(0.005));
  }

  @Test
  void chillerReachesHalfOfCarnotFromItsWaterTemperatures() {
    // DOMAIN.md: 18 °C CHW − 2 K = 16 °C; condenser leaving 35 °C + 3 K = 38 °C; × 0.5 → 6.57.
    assertThat(chiller.cop(18, 35)).isEqualTo(6.57, within(0.005));
  }

  @Test
  void airCooledCondenserRunsAboveAmbientByTheLift() {
    assertThat(chiller.copAirCooled(18, 25, 13)).isEqualTo(chiller.cop(18, 35), within(1e-12));
    assertThat(chiller.copAirCooled(18, 25, ChillerModel.AIR_COOLED_LIFT_MAX_K))
        .isLessThan(chiller.copAirCooled(18, 25, ChillerModel.AIR_COOLED_LIFT_MIN_K));
  }

  @Test
  void warmerChilledWaterRaisesTheCop() {
    assertThat(chiller.cop(24, 35)).isGreaterThan(chiller.cop(18, 35));
  }

  @Test
  void electricPowerIsCoolingOverCop() {
    assertThat(ChillerModel.electricKw(657, 6.57)).isEqualTo(100, within(1e-9));
  }

  @Test
  void rejectsCondensingBelowEvaporating() {
    assertRejected(() -> ChillerModel.carnotCop(20, 20), "condensingTempC");
    assertRejected(() -> new ChillerModel(1.1, 2, 3), "carnotEfficiency");
  }
}
