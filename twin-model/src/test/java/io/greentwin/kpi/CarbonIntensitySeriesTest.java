package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarbonIntensitySeriesTest {
  private static final Instant H0 = Instant.parse("2022-01-05T08:00:00Z");
  private static final Instant H1 = H0.plusSeconds(3600);
  private static final Instant H3 = H0.plusSeconds(3 * 3600);

  // Given out of order; the 10:00 point (H0 + 2 h) is missing.
  private final List<IntensityPoint> points =
      List.of(
          new IntensityPoint(H3, 250), new IntensityPoint(H0, 200), new IntensityPoint(H1, 220));

  @Test
  void eachPointHoldsUntilTheNext() {
    CarbonIntensitySeries series = CarbonIntensitySeries.of(points, Duration.ofHours(3));
    assertThat(series.size()).isEqualTo(3);
    assertThat(series.gCo2PerKwhAt(H0)).isEqualTo(200);
    assertThat(series.gCo2PerKwhAt(H0.plusSeconds(1800))).isEqualTo(200);
    assertThat(series.gCo2PerKwhAt(H1)).isEqualTo(220);
    assertThat(series.gCo2PerKwhAt(H1.plusSeconds(5400))).isEqualTo(220);
    assertThat(series.gCo2PerKwhAt(H3.plusSeconds(3599))).isEqualTo(250);
  }

  @Test
  void aGapLongerThanMaxHoldHasNoIntensity() {
    CarbonIntensitySeries hourly = CarbonIntensitySeries.of(points, Duration.ofHours(1));
    assertRejected(() -> hourly.gCo2PerKwhAt(H1.plusSeconds(3600)), "bridges gaps up to PT1H");
    assertRejected(() -> hourly.gCo2PerKwhAt(H3.plusSeconds(3600)), "no carbon intensity");
  }

  @Test
  void nothingBeforeTheFirstPoint() {
    CarbonIntensitySeries series = CarbonIntensitySeries.of(points, Duration.ofHours(1));
    assertRejected(() -> series.gCo2PerKwhAt(H0.minusSeconds(1)), "the series covers");
  }

  @Test
  void rejectsTwoPointsAtTheSameTimeAndAnEmptySeries() {
    assertRejected(
        () ->
            CarbonIntensitySeries.of(
                List.of(new IntensityPoint(H0, 1), new IntensityPoint(H0, 2)), Duration.ofHours(1)),
        "two intensity points");
    assertRejected(
        () -> CarbonIntensitySeries.of(List.of(), Duration.ofHours(1)), "at least one point");
  }
}
