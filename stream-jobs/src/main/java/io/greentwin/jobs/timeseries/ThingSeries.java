package io.greentwin.jobs.timeseries;

import java.util.Arrays;

/**
 * The keyed state of one thing's time series: each series' {@link SeriesState} by series id. The
 * roll-ups are keyed by thing because a thing's readings of one tick arrive one after another: one
 * state entry, touched once per tick instead of once per series, stays in the CPU's cache for the
 * rest (a per-series entry was a cache miss per reading across 17,862 series). Two things whose
 * keys collide share an entry harmlessly, their series apart by id. A flat POJO for Flink's
 * serializer; mutable, changed on every reading.
 */
public final class ThingSeries {
  public int count;
  public long[] ids = new long[4];
  public SeriesState[] series = new SeriesState[4];

  /** The state of series {@code id}, created when absent. */
  SeriesState get(long id) {
    for (int i = 0; i < count; i++) {
      if (ids[i] == id) {
        return series[i];
      }
    }
    if (count == ids.length) {
      ids = Arrays.copyOf(ids, count * 2);
      series = Arrays.copyOf(series, count * 2);
    }
    ids[count] = id;
    series[count] = new SeriesState();
    return series[count++];
  }

  /** Forgets the series whose state became empty, keeping the others in order. */
  void dropEmpty() {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (!series[i].isEmpty()) {
        ids[kept] = ids[i];
        series[kept++] = series[i];
      }
    }
    Arrays.fill(series, kept, count, null);
    count = kept;
  }

  boolean isEmpty() {
    return count == 0;
  }
}
