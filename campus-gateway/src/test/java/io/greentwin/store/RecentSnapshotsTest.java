package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which snapshots of a twin stay in memory: the newest few, and the last seconds' up to a cap. */
class RecentSnapshotsTest {
  private final RecentSnapshots recent = new RecentSnapshots();

  @Test
  void holdsEverySnapshotOfTheLastSecondsUpToTheCap() {
    // Two snapshots a second: the oldest of the cap's is well within the span of the newest.
    int cap = RecentSnapshots.MAX_PER_TWIN;
    for (int i = 1; i <= cap; i++) {
      add(i, i * 500L);
    }
    assertThat(recent.at(1, 500).revision()).isEqualTo(1);
    add(cap + 1, (cap + 1) * 500L);
    assertThat(recent.at(1, 500)).as("beyond the cap").isNull();
    assertThat(recent.at(1, 1_000).revision()).isEqualTo(2);
  }

  @Test
  void dropsSnapshotsOlderThanTheSpanBeyondTheNewestFew() {
    add(1, 0);
    add(2, 1_000);
    add(3, 20_000);
    add(4, 21_000);
    assertThat(recent.at(1, 500).revision()).as("one of the newest four").isEqualTo(1);
    add(5, 22_000);
    assertThat(recent.at(1, 500)).as("a fifth, more than 10 s older than the newest").isNull();
    assertThat(recent.at(1, 1_500).revision()).isEqualTo(2);
  }

  private void add(long revision, long tsMs) {
    recent.add(new RecentSnapshots.Held(1, revision, tsMs, Optional.empty()));
  }
}
