package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.PointSpec;
import io.greentwin.units.UnitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-thing table of sensors: windows, newest values, and rows that follow the catalogue. */
class SensorTableTest {
  private static final PointSpec SUPPLY = new PointSpec("coolant", "supplyTempC", UnitCode.CELSIUS);
  private static final PointSpec RETURN = new PointSpec("coolant", "returnTempC", UnitCode.CELSIUS);
  private static final PointSpec INLET = new PointSpec("thermal", "inletTempC", UnitCode.CELSIUS);

  @Test
  void rowsAreTheCatalogueOrderAndMergesListThemByPath() {
    SensorLayout layout = SensorLayout.of(List.of(SUPPLY, INLET, RETURN));
    assertThat(layout.ordinal("coolant", "returnTempC")).isEqualTo(2);
    assertThat(layout.ordinal("coolant", "nonsense")).isEqualTo(-1);
    assertThat(layout.ordinal("nonsense", "returnTempC")).isEqualTo(-1);
    assertThat(List.of(layout.byPath(0), layout.byPath(1), layout.byPath(2)))
        .containsExactly(2, 0, 1);
  }

  @Test
  void aValueIsTakenOnlyWhenNewerByEventTimeThenSequenceNumber() {
    SensorTable t = SensorTable.of(SensorLayout.of(List.of(SUPPLY)));
    assertThat(t.offer(0, 45.0, 60_000, 2)).isTrue();
    assertThat(t.offer(0, 44.0, 30_000, 3)).isFalse();
    assertThat(t.offer(0, 44.0, 60_000, 2)).isFalse();
    assertThat(t.offer(0, 46.0, 60_000, 3)).isTrue();
    assertThat(t.values[0]).isEqualTo(46.0);
    assertThat(t.pending[0]).isTrue();
  }

  @Test
  void aTableRestoredIntoAChangedCatalogueKeepsEachSensorsRowByNameAndDropsTheGoneOnes() {
    SensorLayout old = SensorLayout.of(List.of(SUPPLY, RETURN, INLET));
    SensorTable t = SensorTable.of(old);
    t.see(0, 7);
    t.offer(0, 45.0, 60_000, 7);
    t.see(2, 3);
    t.offer(2, 24.0, 60_000, 3);
    t.flushAtMs = 1000;
    // as a checkpoint gives it back: an equal array, not the layout's own
    t.sensors = t.sensors.clone();
    assertThat(t.alignedTo(old)).isSameAs(t);
    assertThat(t.sensors).isSameAs(old.paths());

    SensorLayout changed = SensorLayout.of(List.of(INLET, SUPPLY));
    SensorTable moved = t.alignedTo(changed);
    assertThat(moved.sensors).containsExactly("thermal/inletTempC", "coolant/supplyTempC");
    assertThat(moved.judge(1, 7)).isEqualTo(SeqWindow.Verdict.DUPLICATE);
    assertThat(moved.judge(0, 3)).isEqualTo(SeqWindow.Verdict.DUPLICATE);
    assertThat(moved.values).containsExactly(24.0, 45.0);
    assertThat(moved.pending).containsExactly(true, true);
    assertThat(moved.flushAtMs).isEqualTo(1000);
  }
}
