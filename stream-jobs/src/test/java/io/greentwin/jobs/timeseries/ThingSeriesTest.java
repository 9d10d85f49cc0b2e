package io.greentwin.jobs.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A thing's series states: found by id, grown past the first slots, emptied ones forgotten. */
class ThingSeriesTest {
  @Test
  void eachSeriesKeepsItsOwnStateAsTheThingGrows() {
    ThingSeries thing = new ThingSeries();
    for (long id = 1; id <= 9; id++) {
      thing.get(id * 1_000_003L).addPending(id, id * 1.5);
    }
    assertThat(thing.count).isEqualTo(9);
    for (long id = 1; id <= 9; id++) {
      SeriesState s = thing.get(id * 1_000_003L);
      assertThat(s.pendingCount).isEqualTo(1);
      assertThat(s.pendingValues[0]).isEqualTo(id * 1.5);
    }
    assertThat(thing.count).as("found, not added again").isEqualTo(9);
  }

  @Test
  void emptiedSeriesAreDroppedAndTheRestKeepTheirIds() {
    ThingSeries thing = new ThingSeries();
    for (long id = 1; id <= 6; id++) {
      thing.get(id).addPending(id, id);
    }
    thing.get(2).dropPending(1);
    thing.get(5).dropPending(1);
    thing.dropEmpty();

    assertThat(thing.count).isEqualTo(4);
    assertThat(thing.ids).startsWith(1, 3, 4, 6);
    assertThat(thing.series[4]).as("slots past the count are released").isNull();
    assertThat(thing.get(6).pendingValues[0]).isEqualTo(6.0);
    for (int i = 0; i < 4; i++) {
      thing.get(thing.ids[i]).dropPending(1);
    }
    thing.dropEmpty();
    assertThat(thing.isEmpty()).isTrue();
  }
}
