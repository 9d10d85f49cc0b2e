package io.greentwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  /** A fake clock that advances only when the pacer sleeps. */
  private static final class FakeTime {
    long nanos = 1_000;
    final List<Long> sleeps = new ArrayList<>();

    Pacer pacer(double speed, double rate, long intervalMs) {
      return new Pacer(
          () -> nanos,
          n -> {
            sleeps.add(n);
            nanos += n;
          },
          speed,
          rate,
          intervalMs);
    }
  }

  @Test
  void speedReleasesTicksAtSimulatedTimeOverSpeed() throws Exception {
    FakeTime time = new FakeTime();
    Pacer pacer = time.pacer(3600, 0, 30_000);
    for (int tick = 0; tick < 121; tick++) {
      pacer.awaitTick(tick);
    }
    // 120 ticks of 30 s = 1 simulated hour = 1 wall second at 3600x.
    assertThat(time.nanos - 1_000).isEqualTo(1_000_000_000L);
  }

  @Test
  void rateCapSpreadsReadingsOverTime() throws Exception {
    FakeTime time = new FakeTime();
    Pacer pacer = time.pacer(0, 100_000, 30_000);
    for (int i = 0; i < 50; i++) {
      pacer.readingsGiven(10_000);
    }
    assertThat(time.nanos - 1_000).isEqualTo(5_000_000_000L);
  }

  @Test
  void unlimitedNeverSleeps() throws Exception {
    FakeTime time = new FakeTime();
    Pacer pacer = time.pacer(0, 0, 30_000);
    pacer.awaitTick(1_000);
    pacer.readingsGiven(1_000_000);
    assertThat(time.sleeps).isEmpty();
  }
}
