package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WestShiftTest {
  private final GridFactorTable china = ChinaGridFactors.table();
  private final ComputeSite langfang =
      new ComputeSite("Langfang", china.kgPerKwh(2023, ChinaGridFactors.NORTH), 1.25);
  private final ComputeSite ningxia =
      new ComputeSite("Zhongwei", china.kgPerKwh(2023, ChinaGridFactors.NORTHWEST), 1.2);
  private final ComputeSite guizhou =
      new ComputeSite("Gui'an", china.kgPerKwh(2023, ChinaGridFactors.SOUTHWEST), 1.2);

  @Test
  void movedWorkIsChargedAtTheWesternHubsFactorAndPue() {
    // Stay: 1,000,000 · 1.25 · 0.6361 = 795,125 kg; move: 1,000,000 · 1.2 · 0.5543 = 665,160 kg.
    ShiftEstimate s =
        WestShift.estimate(1_000_000, 50, langfang, ningxia, LatencyTier.CROSS_REGION);
    assertThat(s.movedItKwh()).isEqualTo(1_000_000);
    assertThat(s.stayCo2Kg()).isEqualTo(795_125, within(1e-6));
    assertThat(s.shiftedCo2Kg()).isEqualTo(665_160, within(1e-6));
    assertThat(s.savedCo2Kg()).isEqualTo(129_965, within(1e-6));
  }

  @Test
  void hydroRichSouthwestSavesMoreThanNorthwest() {
    ShiftEstimate nw = WestShift.estimate(1000, 50, langfang, ningxia, LatencyTier.CROSS_REGION);
    ShiftEstimate sw = WestShift.estimate(1000, 50, langfang, guizhou, LatencyTier.CROSS_REGION);
    assertThat(sw.savedCo2Kg()).isGreaterThan(nw.savedCo2Kg());
  }

  @Test
  void workThatCannotTolerateTheRouteStaysPut() {
    ShiftEstimate s = WestShift.estimate(1000, 5, langfang, ningxia, LatencyTier.CROSS_REGION);
    assertThat(s.movedItKwh()).isZero();
    assertThat(s.shiftedCo2Kg()).isEqualTo(s.stayCo2Kg());
    assertThat(s.savedCo2Kg()).isZero();
  }

  @Test
  void latencyTiersAreOneFiveAndTwentyMilliseconds() {
    assertThat(LatencyTier.IN_CITY.latencyMs()).isEqualTo(1);
    assertThat(LatencyTier.IN_REGION.latencyMs()).isEqualTo(5);
    assertThat(LatencyTier.CROSS_REGION.latencyMs()).isEqualTo(20);
  }

  @Test
  void rejectsPueBelowOne() {
    assertRejected(() -> new ComputeSite("x", 0.5, 0.9), "pue must be");
  }
}
