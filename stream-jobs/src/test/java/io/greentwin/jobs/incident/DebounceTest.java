package io.greentwin.jobs.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebounceTest {
  @Test
  void raisesAfterConsecutiveAbnormalSamplesDatedFromTheFirst() {
    Debounce d = Debounce.QUIET.next(true, 1000, 2, 0, 2);
    assertThat(d.active()).isFalse();
    Debounce raised = d.next(true, 2000, 2, 0, 2);
    assertThat(raised.changedFrom(d)).isTrue();
    assertThat(raised.changedAtMs()).isEqualTo(1000);
  }

  @Test
  void oneNormalSampleBetweenAbnormalOnesStartsTheCountAgain() {
    Debounce d = Debounce.QUIET.next(true, 1000, 2, 0, 2).next(false, 2000, 2, 0, 2);
    assertThat(d.next(true, 3000, 2, 0, 2).active()).isFalse();
  }

  @Test
  void aMinimumDurationHoldsTheRaiseBackUntilTheRunIsLongEnough() {
    Debounce d = Debounce.QUIET;
    for (long t = 0; t < 300_000; t += 60_000) {
      d = d.next(true, t, 2, 300_000, 2);
      assertThat(d.active()).as("at %d", t).isFalse();
    }
    Debounce raised = d.next(true, 300_000, 2, 300_000, 2);
    assertThat(raised.active()).isTrue();
    assertThat(raised.changedAtMs()).isZero();
  }

  @Test
  void clearsAfterConsecutiveNormalSamplesDatedFromTheFirstNormalOne() {
    Debounce d = new Debounce(true, 0, 0).next(false, 5000, 2, 0, 2);
    assertThat(d.active()).isTrue();
    Debounce cleared = d.next(false, 6000, 2, 0, 2);
    assertThat(cleared.active()).isFalse();
    assertThat(cleared.changedAtMs()).isEqualTo(5000);
  }
}
