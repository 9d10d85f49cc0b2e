package io.greentwin.units;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequireTest {

  @Test
  void returnsTheValueItAccepts() {
    assertThat(Require.nonNegative("x", 0)).isZero();
    assertThat(Require.positive("x", 2.5)).isEqualTo(2.5);
    assertThat(Require.fraction("x", 1)).isEqualTo(1);
    assertThat(Require.efficiency("x", 1)).isEqualTo(1);
    assertThat(Require.present("x", "v")).isEqualTo("v");
  }

  @Test
  void rejectsNanEverywhere() {
    assertRejected(() -> Require.finite("a", Double.NaN), "a must be a finite number");
    assertRejected(() -> Require.nonNegative("b", Double.NaN), "b must be ≥ 0");
    assertRejected(() -> Require.positive("c", Double.NaN), "c must be > 0");
    assertRejected(() -> Require.fraction("d", Double.NaN), "d must be in [0, 1]");
    assertRejected(() -> Require.efficiency("e", Double.NaN), "e must be in (0, 1]");
  }

  @Test
  void rejectsValuesOutsideTheirRangeNamingTheArgument() {
    assertRejected(() -> Require.finite("t", Double.POSITIVE_INFINITY), "t must be a finite");
    assertRejected(() -> Require.nonNegative("powerKw", -1), "powerKw must be ≥ 0, was -1.0");
    assertRejected(() -> Require.positive("flow", 0), "flow must be > 0");
    assertRejected(() -> Require.fraction("f", 1.01), "f must be in [0, 1]");
    assertRejected(() -> Require.efficiency("eta", 0), "eta must be in (0, 1]");
    assertRejected(() -> Require.present("curve", null), "curve is required");
  }
}
