package io.greentwin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {
  @Test
  void computesAKeyOnceUntilFullThenForgetsEverythingAndFillsAgain() {
    AtomicInteger computed = new AtomicInteger();
    BoundedMemo<Integer, String> memo = new BoundedMemo<>(3);
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 3; k++) {
        assertThat(memo.get(k, i -> "v" + i + "#" + computed.incrementAndGet()))
            .startsWith("v" + k);
      }
    }
    assertThat(computed).hasValue(3);
    assertThat(memo.peek(1)).isEqualTo("v1#2");

    memo.get(3, i -> "v3#" + computed.incrementAndGet()); // the fourth: the others are forgotten
    assertThat(memo.peek(0)).isNull();
    assertThat(memo.peek(3)).isEqualTo("v3#4");
  }

  @Test
  void aFailedComputationKeepsNothing() {
    BoundedMemo<String, String> memo = new BoundedMemo<>(2);
    assertThatThrownBy(
            () ->
                memo.get(
                    "bad",
                    k -> {
                      throw new IllegalArgumentException(k);
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(memo.peek("bad")).isNull();
    assertThatThrownBy(() -> new BoundedMemo<>(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
