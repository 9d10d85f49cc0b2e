package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridBalanceTest {

  @Test
  void pvBelowLoadIsAllSelfConsumedAndTheGridCoversTheRest() {
    assertThat(GridBalance.balance(1000, 300)).isEqualTo(new GridFlow(700, 0, 300));
  }

  @Test
  void pvAboveLoadIsExported() {
    assertThat(GridBalance.balance(1000, 1200)).isEqualTo(new GridFlow(0, 200, 1000));
  }

  @Test
  void rejectsNegativePv() {
    assertRejected(() -> GridBalance.balance(1000, -5), "pvAcKw");
  }
}
