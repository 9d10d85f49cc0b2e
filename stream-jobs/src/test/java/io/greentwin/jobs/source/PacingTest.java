package io.greentwin.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replayed events are held until due at N× speed, on a clock that sleeping moves forward. */
class PacingTest {
  private static final long T0 = Instant.parse("2026-06-21T12:00:00Z").toEpochMilli();

  /** A wall clock that only moves when the pacer sleeps, or when the test says so. */
  private static final class SleepingClock {
    long nowMs = 1_000_000;
    final List<Long> sleeps = new ArrayList<>();

    void sleep(long ms) {
      sleeps.add(ms);
      nowMs += ms;
    }

    long millis() {
      return nowMs;
    }
  }

  @Test
  void holdsEachEventUntilItsEventTimeDividedByTheSpeedHasPassed() throws Exception {
    SleepingClock clock = new SleepingClock();
    Pacing pacing = new Pacing(60, clock::millis, clock::sleep);
    long start = clock.millis();
    pacing.hold(T0); // the anchor: not held
    pacing.hold(T0 + 60_000); // a simulated minute later: due a second after the anchor
    assertThat(clock.millis() - start).isEqualTo(1_000);
    pacing.hold(T0 + 60_000); // the same time again: due already
    pacing.hold(T0 + 30_000); // out of order in the file: earlier than passed, not held
    pacing.hold(T0 + 150_000); // 2.5 simulated minutes after the first
    assertThat(clock.millis() - start).isEqualTo(2_500);
    assertThat(clock.sleeps).containsExactly(1_000L, 1_500L);
  }

  @Test
  void aReplayBehindItsScheduleIsNotHeldUntilItCatchesUp() throws Exception {
    SleepingClock clock = new SleepingClock();
    Pacing pacing = new Pacing(10, clock::millis, clock::sleep);
    pacing.hold(T0);
    clock.nowMs += 5_000; // the job was slow: 50 simulated seconds due by now
    pacing.hold(T0 + 20_000);
    pacing.hold(T0 + 50_000);
    assertThat(clock.sleeps).isEmpty();
    pacing.hold(T0 + 60_000); // the next simulated 10 s: a wall second later
    assertThat(clock.sleeps).containsExactly(1_000L);
  }

  @Test
  void aSpeedOfZeroOrLessIsNotPacing() {
    SleepingClock clock = new SleepingClock();
    assertThatThrownBy(() -> new Pacing(0, clock::millis, clock::sleep))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Pacing(-1, clock::millis, clock::sleep))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
