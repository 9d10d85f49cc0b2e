package io.greentwin.jobs.timeseries;

/**
 * The compact encoding of raw samples (the {@code blocks} column of {@code ts_raw}).
 *
 * <p>A <b>block</b> holds one series' samples of one minute, sorted by time: a header byte (format
 * version in the high nibble, value mode in the low one), the sample count, then the times as
 * offsets from the minute's start — the first one, the first delta, then deltas of deltas (zero for
 * a sensor sampling at a fixed interval, one byte each) as zig-zag varints — then the values.
 * Values that are all exact decimals with at most 6 places (what sensors and our simulator send)
 * are stored as scaled integers, the first one and then deltas as zig-zag varints (2–3 bytes for a
 * slowly moving value); any other values as the XOR of each double's bits with the previous one's,
 * as a varint (short when sign, exponent and high mantissa bits repeat). A regular 10-s sensor
 * takes about 30 bytes for its 6 samples of a minute instead of 96.
 *
 * <p>A <b>pack</b> ({@link #pack}) holds the blocks of many series of the same minute: the count,
 * then per series (ascending id) its id as a zig-zag delta from the previous one and its block
 * length, then the blocks. A reader finds one series by walking the index without decoding the
 * others.
 */
public final class BlockCodec {
  static final int VERSION = 1;
  private static final int XOR_MODE = 0;
  private static final double[] SCALES = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  private static final double MAX_EXACT = 0x1p53;

  private BlockCodec() {}

  /** Decoded samples of one series, sorted by time. */
  public record Samples(long[] timesMs, double[] values) {
    public int size() {
      return timesMs.length;
    }
  }

  /**
   * Encodes {@code n} samples {@code [off, off + n)} sorted by time, all in the minute that starts
   * at {@code bucketStartMs}.
   */
  public static byte[] encode(long bucketStartMs, long[] t, double[] v, int off, int n) {
    int mode = decimalMode(v, off, n);
    Varints.Writer w = new Varints.Writer(8 + n * 5);
    w.put((byte) (VERSION << 4 | mode));
    w.unsigned(n);
    long prevT = bucketStartMs;
    long prevDelta = 0;
    for (int i = 0; i < n; i++) {
      long delta = t[off + i] - prevT;
      w.signed(i == 0 ? delta : delta - prevDelta);
      prevDelta = i == 0 ? 0 : delta;
      prevT = t[off + i];
    }
    if (mode == XOR_MODE) {
      long prev = 0;
      for (int i = 0; i < n; i++) {
        long bits = Double.doubleToRawLongBits(v[off + i]);
        w.unsigned(bits ^ prev);
        prev = bits;
      }
    } else {
      double scale = SCALES[mode - 1];
      long prev = 0;
      for (int i = 0; i < n; i++) {
        long scaled = Math.round(v[off + i] * scale);
        w.signed(scaled - prev);
        prev = scaled;
      }
    }
    return w.toByteArray();
  }

  /**
   * Decodes a block written by {@link #encode} for the minute starting at {@code bucketStartMs}.
   */
  public static Samples decode(long bucketStartMs, byte[] b, int off, int len) {
    Varints.Reader r = new Varints.Reader(b, off, len);
    int header = r.next() & 0xFF;
    if (header >>> 4 != VERSION) {
      throw new IllegalArgumentException("unknown time-series block version " + (header >>> 4));
    }
    int mode = header & 0x0F;
    if (mode > SCALES.length) {
      throw new IllegalArgumentException("unknown time-series value mode " + mode);
    }
    int n = Math.toIntExact(r.unsigned());
    long[] t = new long[n];
    double[] v = new double[n];
    long prevT = bucketStartMs;
    long delta = 0;
    for (int i = 0; i < n; i++) {
      long d = r.signed();
      delta = i <= 1 ? d : delta + d;
      prevT += i == 0 ? d : delta;
      t[i] = prevT;
    }
    if (mode == XOR_MODE) {
      long prev = 0;
      for (int i = 0; i < n; i++) {
        prev ^= r.unsigned();
        v[i] = Double.longBitsToDouble(prev);
      }
    } else {
      double scale = SCALES[mode - 1];
      long prev = 0;
      for (int i = 0; i < n; i++) {
        prev += r.signed();
        v[i] = prev / scale;
      }
    }
    return new Samples(t, v);
  }

  /** Packs blocks of one minute; {@code ids} ascending, {@code blocks[i]} the block of ids[i]. */
  public static byte[] pack(long[] ids, byte[][] blocks, int off, int n) {
    int total = 0;
    for (int i = off; i < off + n; i++) {
      total += blocks[i].length;
    }
    Varints.Writer w = new Varints.Writer(total + n * 12 + 5);
    w.unsigned(n);
    long prev = 0;
    for (int i = off; i < off + n; i++) {
      if (i > off && ids[i] <= prev) {
        throw new IllegalArgumentException("series ids of a pack must ascend");
      }
      w.signed(ids[i] - prev);
      w.unsigned(blocks[i].length);
      prev = ids[i];
    }
    for (int i = off; i < off + n; i++) {
      w.bytes(blocks[i], 0, blocks[i].length);
    }
    return w.toByteArray();
  }

  /** The samples of one series in a pack, or null when the pack has none of it. */
  public static Samples unpack(long bucketStartMs, byte[] pack, long seriesId) {
    Varints.Reader r = new Varints.Reader(pack, 0, pack.length);
    int n = Math.toIntExact(r.unsigned());
    long id = 0;
    int offset = 0;
    int length = -1;
    for (int i = 0; i < n; i++) {
      id += r.signed();
      int len = Math.toIntExact(r.unsigned());
      if (id == seriesId) {
        length = len;
      } else if (length < 0) {
        offset += len;
      }
    }
    if (length < 0) {
      return null;
    }
    return decode(bucketStartMs, pack, r.position() + offset, length);
  }

  /** 1 + the index of the smallest scale at which every value is an exact integer, else XOR. */
  private static int decimalMode(double[] v, int off, int n) {
    for (int s = 0; s < SCALES.length; s++) {
      if (allExact(v, off, n, SCALES[s])) {
        return s + 1;
      }
    }
    return XOR_MODE;
  }

  private static boolean allExact(double[] v, int off, int n, double scale) {
    for (int i = off; i < off + n; i++) {
      double x = v[i] * scale;
      if (!(Math.abs(x) < MAX_EXACT)) {
        return false;
      }
      long r = Math.round(x);
      if (Double.doubleToRawLongBits(r / scale) != Double.doubleToRawLongBits(v[i])) {
        return false;
      }
    }
    return true;
  }
}
