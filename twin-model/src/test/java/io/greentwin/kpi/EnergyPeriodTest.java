package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnergyPeriodTest {
  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2024-03-01T01:00:00Z");
  private static final Instant T2 = Instant.parse("2024-03-01T02:00:00Z");
  private static final Instant T3 = Instant.parse("2024-03-01T03:00:00Z");

  private static EnergyPeriod hour(Instant start, Instant end, double itKwh) {
    return new EnergyPeriod(start, end, itKwh, itKwh + 100, 5, 40, 100, 20, itKwh, 50);
  }

  @Test
  void plusAddsEveryEnergyAndSpansBothPeriods() {
    EnergyPeriod sum = hour(T0, T1, 1000).plus(hour(T1, T2, 2000));
    assertThat(sum).isEqualTo(new EnergyPeriod(T0, T2, 3000, 3200, 10, 80, 200, 40, 3000, 100));
  }

  @Test
  void plusIsIndependentOfOrderAndSpansGaps() {
    EnergyPeriod later = hour(T2, T3, 500);
    EnergyPeriod earlier = hour(T0, T1, 700);
    assertThat(later.plus(earlier)).isEqualTo(earlier.plus(later));
    assertThat(later.plus(earlier).start()).isEqualTo(T0);
    assertThat(later.plus(earlier).end()).isEqualTo(T3);
  }

  @Test
  void emptyPeriodIsTheIdentityOfPlus() {
    EnergyPeriod h = hour(T0, T1, 1000);
    assertThat(EnergyPeriod.empty(T0).plus(h)).isEqualTo(h);
  }

  @Test
  void rejectsOverlappingPeriods() {
    assertRejected(() -> hour(T0, T2, 1000).plus(hour(T1, T3, 1000)), "periods overlap");
  }

  @Test
  void rejectsEndBeforeStart() {
    assertRejected(() -> hour(T1, T0, 1000), "end");
  }

  @Test
  void rejectsItEnergyAboveFacilityEnergy() {
    assertRejected(
        () -> new EnergyPeriod(T0, T1, 1200, 1100, 0, 0, 0, 0, 1100, 0), "itKwh (1200.0)");
  }

  @Test
  void rejectsGridImportBeyondWhatTheDcAndHeatPumpUsed() {
    assertRejected(
        () -> new EnergyPeriod(T0, T1, 1000, 1100, 50, 0, 0, 0, 1300, 0), "gridImportKwh");
  }

  @Test
  void rejectsNegativeWater() {
    assertRejected(() -> new EnergyPeriod(T0, T1, 1, 1, 0, 0, -1, 0, 1, 0), "waterLitres");
  }
}
