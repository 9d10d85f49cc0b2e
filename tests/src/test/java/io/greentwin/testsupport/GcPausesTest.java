package io.greentwin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GcPausesTest {
  @Test
  void readsBackItsOwnLine() {
    GcPauses p = new GcPauses(12, 345);
    assertThat(GcPauses.parse(p.line())).isEqualTo(p);
  }

  @Test
  void subtractsAnEarlierTotal() {
    assertThat(new GcPauses(12, 345).since(new GcPauses(2, 45))).isEqualTo(new GcPauses(10, 300));
  }

  @Test
  void rejectsALineThatIsNotAGcLine() {
    assertThatThrownBy(() -> GcPauses.parse("endpoint ws://127.0.0.1:1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsThisJvmsCollections() {
    GcPauses before = GcPauses.now();
    System.gc();
    assertThat(GcPauses.now().since(before).count()).isPositive();
  }
}
