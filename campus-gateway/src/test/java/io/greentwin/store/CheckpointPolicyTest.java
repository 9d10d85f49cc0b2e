package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {
  private final CheckpointPolicy policy = CheckpointPolicy.DEFAULT;

  @Test
  void dueAfterEnoughEventsButNotSoonerThanTheLeastInterval() {
    assertThat(policy.due(499, 1_000_000)).isFalse();
    assertThat(policy.due(500, 100_000)).isTrue();
    assertThat(policy.due(17_000, 99_999)).isFalse();
    assertThat(policy.due(18_000, 100_000)).isTrue();
  }

  @Test
  void dueAfterTheLongestIntervalWhenAnythingChangedAndNeverWhenNothingDid() {
    assertThat(policy.due(59_999, 1)).isFalse();
    assertThat(policy.due(60_000, 1)).isTrue();
    assertThat(policy.due(3_600_000, 0)).isFalse();
  }

  @Test
  void anImpossiblePolicyIsRefused() {
    assertThatThrownBy(() -> new CheckpointPolicy(0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CheckpointPolicy(1, 5, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minMs <= maxMs");
  }
}
