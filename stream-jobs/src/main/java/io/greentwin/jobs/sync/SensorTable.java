package io.greentwin.jobs.sync;

import java.util.Arrays;

/**
 * The keyed state of one thing in the sync job: per sensor (a row, by its {@link SensorLayout}
 * ordinal) the de-duplication window ({@link SeqWindow}: newest sequence number and the bits of the
 * ones before it) and the newest value with its event time and sequence number, whether a merge has
 * carried it yet; and when the thing's next merge is due. A mutable class of primitive arrays, not
 * a map per sensor: it changes on every reading, one state access per reading reads and writes it,
 * and Flink serialises it as a flat POJO (no Kryo). The sensors of a thing are bounded by the
 * campus catalogue, so nothing expires.
 *
 * <p>{@link #sensors} names each row ({@code feature/property}), so a table restored from a
 * checkpoint into a job whose catalogue changed is moved onto the new rows ({@link #alignedTo}).
 */
public final class SensorTable {
  /** {@link #flushAtMs} when no merge is scheduled. */
  public static final long NO_FLUSH = Long.MIN_VALUE;

  /** {@code feature/property} of each row. */
  public String[] sensors;

  /** Per row, the highest sequence number seen; -1 before the first reading. */
  public long[] newestSeq;

  /** Per row, bit {@code i} set when {@code newestSeq - i} was seen. */
  public long[] seenBits;

  /** Per row, the newest value (by event time, then sequence number), in the sensor's unit. */
  public double[] values;

  /** Per row, the newest value's event time (epoch ms); {@link Long#MIN_VALUE} before any. */
  public long[] eventTimeMs;

  /** Per row, the newest value's sequence number; -1 before any. */
  public long[] valueSeq;

  /** Per row, true until a merge carries the newest value to the twin. */
  public boolean[] pending;

  /** When the next merge of the thing is due (a timer's time), or {@link #NO_FLUSH}. */
  public long flushAtMs = NO_FLUSH;

  /** For Flink's POJO serializer; use {@link #of}. */
  public SensorTable() {}

  /** An empty table with the rows of {@code layout}. */
  static SensorTable of(SensorLayout layout) {
    int n = layout.size();
    SensorTable t = new SensorTable();
    t.sensors = layout.paths();
    t.newestSeq = filled(n, -1);
    t.seenBits = new long[n];
    t.values = new double[n];
    t.eventTimeMs = filled(n, Long.MIN_VALUE);
    t.valueSeq = filled(n, -1);
    t.pending = new boolean[n];
    return t;
  }

  /**
   * This table with the rows of {@code layout}: itself when it has them already; else (restored
   * into a job whose catalogue changed) a table with each row moved to its sensor's new ordinal and
   * the rows of sensors the kind no longer has dropped.
   */
  SensorTable alignedTo(SensorLayout layout) {
    if (sensors == layout.paths()) {
      return this;
    }
    if (Arrays.equals(sensors, layout.paths())) {
      sensors = layout.paths();
      return this;
    }
    SensorTable t = of(layout);
    t.flushAtMs = flushAtMs;
    for (int from = 0; from < sensors.length; from++) {
      int slash = sensors[from].indexOf('/');
      int to =
          slash < 0
              ? -1
              : layout.ordinal(
                  sensors[from].substring(0, slash), sensors[from].substring(slash + 1));
      if (to >= 0) {
        t.newestSeq[to] = newestSeq[from];
        t.seenBits[to] = seenBits[from];
        t.values[to] = values[from];
        t.eventTimeMs[to] = eventTimeMs[from];
        t.valueSeq[to] = valueSeq[from];
        t.pending[to] = pending[from];
      }
    }
    return t;
  }

  /** Whether {@code seq} of row {@code i} is new, a duplicate, or too far behind to tell. */
  SeqWindow.Verdict judge(int i, long seq) {
    return newestSeq[i] < 0 ? SeqWindow.Verdict.NEW : window(i).judge(seq);
  }

  /** Marks {@code seq} (judged new) seen in row {@code i}. */
  void see(int i, long seq) {
    SeqWindow w = newestSeq[i] < 0 ? SeqWindow.first(seq) : window(i).see(seq);
    newestSeq[i] = w.newestSeq();
    seenBits[i] = w.seenBits();
  }

  /** The window of row {@code i}. */
  SeqWindow window(int i) {
    return new SeqWindow(newestSeq[i], seenBits[i]);
  }

  /**
   * Takes a value of row {@code i} as its newest, pending, when it is newer (by event time, then
   * sequence number) than the newest so far; false, changing nothing, when it is not (stale).
   */
  boolean offer(int i, double value, long eventMs, long seq) {
    long newestMs = eventTimeMs[i];
    if (eventMs < newestMs || eventMs == newestMs && seq <= valueSeq[i]) {
      return false;
    }
    values[i] = value;
    eventTimeMs[i] = eventMs;
    valueSeq[i] = seq;
    pending[i] = true;
    return true;
  }

  private static long[] filled(int n, long v) {
    long[] a = new long[n];
    Arrays.fill(a, v);
    return a;
  }
}
