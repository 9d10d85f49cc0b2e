package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentwin.units.Units;
import org.junit.jupiter.api.Test;

class WaterLoopTest {

  @Test
  void oneMegawattAtTenKelvinNeeds87CubicMetresPerHour() {
    // DOMAIN.md check: 1 MW at ΔT 10 K → 23.92 kg/s ≈ 87 m³/h.
    double massFlowKgPerS = WaterLoop.massFlowKgPerS(1000, 10);
    assertThat(massFlowKgPerS).isEqualTo(23.92, within(0.005));
    assertThat(Units.m3PerHour(massFlowKgPerS)).isEqualTo(87, within(0.5));
  }

  @Test
  void heatIsTheInverseOfMassFlow() {
    assertThat(WaterLoop.heatKw(WaterLoop.massFlowKgPerS(750, 8), 8)).isEqualTo(750, within(1e-9));
    assertThat(WaterLoop.heatKw(10, -5)).isEqualTo(-209, within(1e-9));
  }

  @Test
  void returnTemperatureRisesByTheLoopDeltaT() {
    double massFlowKgPerS = WaterLoop.massFlowKgPerS(1000, 10);
    assertThat(WaterLoop.returnTempC(45, 1000, massFlowKgPerS)).isEqualTo(55, within(1e-9));
    assertThat(WaterLoop.returnTempC(45, 500, massFlowKgPerS)).isEqualTo(50, within(1e-9));
  }

  @Test
  void rejectsReturnTemperatureWithoutFlow() {
    assertRejected(() -> WaterLoop.returnTempC(45, 100, 0), "massFlowKgPerS");
  }

  @Test
  void rejectsNonPositiveDeltaT() {
    assertRejected(() -> WaterLoop.massFlowKgPerS(1000, 0), "deltaTK");
  }
}
