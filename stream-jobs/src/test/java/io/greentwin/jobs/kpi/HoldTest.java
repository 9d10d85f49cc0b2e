package io.greentwin.jobs.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HoldTest {
  private static final long MINUTE = 60_000;

  @Test
  void aValueCountsFromItsReadingUntilTheNext() {
    Hold h = Hold.first(0, 600); // 600 kW
    assertThat(h.amountUntil(30 * MINUTE, 60 * MINUTE)).isCloseTo(300, within(1e-9)); // kWh
    Hold next = h.next(30 * MINUTE, 1200);
    assertThat(next.amountUntil(45 * MINUTE, 60 * MINUTE)).isCloseTo(300, within(1e-9));
  }

  @Test
  void aSilentSensorCountsForAtMostTheMaximumHold() {
    Hold h = Hold.first(0, 600).accountedTo(3 * MINUTE);
    assertThat(h.amountUntil(10 * MINUTE, 5 * MINUTE)).isCloseTo(20, within(1e-9));
    assertThat(h.holdsAt(5 * MINUTE, 5 * MINUTE)).isFalse();
    assertThat(h.holdsAt(4 * MINUTE, 5 * MINUTE)).isTrue();
  }

  @Test
  void whatIsAccountedIsNotCountedTwice() {
    Hold h = Hold.first(0, 600).accountedTo(MINUTE);
    assertThat(h.amountUntil(MINUTE, 60 * MINUTE)).isZero();
    assertThat(h.accountedTo(0).accountedToMs()).isEqualTo(MINUTE);
  }
}
