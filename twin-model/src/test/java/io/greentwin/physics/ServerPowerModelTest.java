package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ServerPowerModelTest {
  private final ServerPowerModel linear = new ServerPowerModel(100, 400, PowerCurve.LINEAR);
  private final ServerPowerModel fan = new ServerPowerModel(100, 400, PowerCurve.FAN_2007);

  @Test
  void linearCurveInterpolatesBetweenIdleAndMax() {
    assertThat(linear.powerW(0)).isEqualTo(100);
    assertThat(linear.powerW(0.25)).isEqualTo(175);
    assertThat(linear.powerW(1)).isEqualTo(400);
  }

  @Test
  void fanCurveMeetsTheLinearOneAtIdleAndFullLoad() {
    assertThat(fan.powerW(0)).isEqualTo(100);
    assertThat(fan.powerW(1)).isEqualTo(400, within(1e-9));
  }

  @Test
  void fanCurveRisesFasterThanLinearAtMidLoad() {
    // 2·0.5 − 0.5^1.4 = 0.62107: 100 + 300·0.62107 = 286.3 W against 250 W linear.
    assertThat(fan.powerW(0.5)).isEqualTo(286.32, within(0.01));
    assertThat(fan.powerW(0.5)).isGreaterThan(linear.powerW(0.5));
  }

  @Test
  void fanCurveNeverFallsAsUtilisationRises() {
    double previousW = fan.powerW(0);
    for (int i = 1; i <= 100; i++) {
      double w = fan.powerW(i / 100.0);
      assertThat(w).as("u = %s", i / 100.0).isGreaterThan(previousW);
      previousW = w;
    }
  }

  @Test
  void rejectsUtilisationOutsideZeroToOne() {
    assertRejected(() -> linear.powerW(1.2), "utilisation");
    assertRejected(() -> linear.powerW(-0.1), "utilisation");
    assertRejected(() -> fan.powerW(Double.NaN), "utilisation");
  }

  @Test
  void rejectsMaxBelowIdle() {
    assertRejected(() -> new ServerPowerModel(300, 200, PowerCurve.LINEAR), "maxPowerW");
    assertRejected(() -> new ServerPowerModel(100, 200, null), "curve");
  }
}
