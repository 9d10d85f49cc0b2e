package io.greentwin.jobs.timeseries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The keyed state of one series: samples not yet flushed, and the roll-up buckets still open or
 * still correctable by late samples. A mutable class of primitive arrays rather than a record of
 * lists: it changes on every reading, and Flink serialises it as a flat POJO (no Kryo).
 *
 * <p>Bucket {@code i} lives at {@code longs[i*5 ..]} (level ordinal | dirty flag, start, count,
 * first time, last time) and {@code doubles[i*4 ..]} (sum, min, max, last).
 */
public final class SeriesState {
  private static final int L = 5;
  private static final int D = 4;
  private static final long DIRTY = 1L << 8;

  /** The dictionary row was emitted. */
  public boolean registered;

  /** The last event-time timer registered, to skip registering it again. */
  public long timerMs = Long.MIN_VALUE;

  public int pendingCount;
  public long[] pendingTimes = new long[8];
  public double[] pendingValues = new double[8];

  public int bucketCount;
  public long[] bucketLongs = new long[4 * L];
  public double[] bucketDoubles = new double[4 * D];

  void addPending(long t, double v) {
    if (pendingCount == pendingTimes.length) {
      pendingTimes = Arrays.copyOf(pendingTimes, pendingCount * 2);
      pendingValues = Arrays.copyOf(pendingValues, pendingCount * 2);
    }
    pendingTimes[pendingCount] = t;
    pendingValues[pendingCount] = v;
    pendingCount++;
  }

  /** Stable insertion sort of the pending samples by time (they arrive nearly sorted). */
  void sortPending() {
    for (int i = 1; i < pendingCount; i++) {
      long t = pendingTimes[i];
      double v = pendingValues[i];
      int j = i - 1;
      while (j >= 0 && pendingTimes[j] > t) {
        pendingTimes[j + 1] = pendingTimes[j];
        pendingValues[j + 1] = pendingValues[j];
        j--;
      }
      pendingTimes[j + 1] = t;
      pendingValues[j + 1] = v;
    }
  }

  /** Drops the first {@code n} pending samples. */
  void dropPending(int n) {
    System.arraycopy(pendingTimes, n, pendingTimes, 0, pendingCount - n);
    System.arraycopy(pendingValues, n, pendingValues, 0, pendingCount - n);
    pendingCount -= n;
    if (pendingCount == 0 && pendingTimes.length > 64) {
      pendingTimes = new long[8];
      pendingValues = new double[8];
    }
  }

  /** Merges the samples {@code [from, to)} of the pending arrays into a bucket; true if new. */
  boolean merge(Rollup level, long start, int from, int to) {
    int i = find(level, start);
    boolean created = i < 0;
    if (created) {
      i = add(level, start);
    }
    int l = i * L;
    int d = i * D;
    for (int k = from; k < to; k++) {
      long t = pendingTimes[k];
      double v = pendingValues[k];
      if (bucketLongs[l + 2] == 0) {
        bucketDoubles[d + 1] = v;
        bucketDoubles[d + 2] = v;
        bucketLongs[l + 3] = t;
        bucketLongs[l + 4] = t;
      }
      bucketLongs[l + 2]++;
      bucketDoubles[d] += v;
      bucketDoubles[d + 1] = Math.min(bucketDoubles[d + 1], v);
      bucketDoubles[d + 2] = Math.max(bucketDoubles[d + 2], v);
      bucketLongs[l + 3] = Math.min(bucketLongs[l + 3], t);
      if (t >= bucketLongs[l + 4]) {
        bucketLongs[l + 4] = t;
        bucketDoubles[d + 3] = v;
      }
    }
    bucketLongs[l] |= DIRTY;
    return created;
  }

  int bucketCount() {
    return bucketCount;
  }

  Rollup level(int i) {
    return Rollup.values()[(int) (bucketLongs[i * L] & 0xFF)];
  }

  long start(int i) {
    return bucketLongs[i * L + 1];
  }

  long end(int i) {
    return start(i) + level(i).widthMs();
  }

  boolean dirty(int i) {
    return (bucketLongs[i * L] & DIRTY) != 0;
  }

  /** The bucket's roll-up; clears its dirty flag. */
  SeriesAggregate take(int i) {
    int l = i * L;
    int d = i * D;
    bucketLongs[l] &= ~DIRTY;
    return new SeriesAggregate(
        bucketLongs[l + 2],
        bucketDoubles[d],
        bucketDoubles[d + 1],
        bucketDoubles[d + 2],
        bucketDoubles[d + 3],
        bucketLongs[l + 3],
        bucketLongs[l + 4]);
  }

  /**
   * Removes the buckets that end at or before {@code endMs} and are not dirty; minutes stay as long
   * as their quarter hour (they are written with it).
   */
  void evictEndingBy(long endMs) {
    int kept = 0;
    for (int i = 0; i < bucketCount; i++) {
      long end =
          level(i) == Rollup.MINUTE
              ? Rollup.QUARTER_HOUR.bucketStart(start(i)) + Rollup.QUARTER_HOUR.widthMs()
              : end(i);
      if (end > endMs || dirty(i)) {
        System.arraycopy(bucketLongs, i * L, bucketLongs, kept * L, L);
        System.arraycopy(bucketDoubles, i * D, bucketDoubles, kept * D, D);
        kept++;
      }
    }
    bucketCount = kept;
  }

  /** The 1-min roll-ups of the quarter starting at {@code quarterStartMs}; clears their flags. */
  List<MinuteCodec.Minute> takeMinutes(long quarterStartMs) {
    List<MinuteCodec.Minute> minutes = new ArrayList<>(15);
    for (int i = 0; i < bucketCount; i++) {
      if (level(i) == Rollup.MINUTE
          && Rollup.QUARTER_HOUR.bucketStart(start(i)) == quarterStartMs) {
        minutes.add(new MinuteCodec.Minute(start(i), take(i)));
      }
    }
    minutes.sort(Comparator.comparingLong(MinuteCodec.Minute::startMs));
    return minutes;
  }

  boolean isEmpty() {
    return pendingCount == 0 && bucketCount == 0;
  }

  private int find(Rollup level, long start) {
    for (int i = 0; i < bucketCount; i++) {
      if (start(i) == start && (bucketLongs[i * L] & 0xFF) == level.ordinal()) {
        return i;
      }
    }
    return -1;
  }

  private int add(Rollup level, long start) {
    if ((bucketCount + 1) * L > bucketLongs.length) {
      bucketLongs = Arrays.copyOf(bucketLongs, bucketLongs.length * 2);
      bucketDoubles = Arrays.copyOf(bucketDoubles, bucketDoubles.length * 2);
    }
    int i = bucketCount++;
    Arrays.fill(bucketLongs, i * L, i * L + L, 0);
    Arrays.fill(bucketDoubles, i * D, i * D + D, 0);
    bucketLongs[i * L] = level.ordinal();
    bucketLongs[i * L + 1] = start;
    return i;
  }
}
