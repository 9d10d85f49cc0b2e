package io.greentwin.jobs.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Round trips of the raw-sample encoding over many random series of every shape. */
class BlockCodecTest {
  static final long MINUTE = 1_777_629_600_000L; // 2026-05-01T10:00:00Z

  @Test
  void roundTripsFiveThousandRandomBlocksBitForBit() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int k = 0; k < 5_000; k++) {
      int n = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 3) : rnd.nextInt(1, 2_000);
      long[] t = times(rnd, n);
      double[] v = values(rnd, n, k % 6);
      int off = rnd.nextInt(3);
      long[] tt = new long[off + n];
      double[] vv = new double[off + n];
      System.arraycopy(t, 0, tt, off, n);
      System.arraycopy(v, 0, vv, off, n);
      byte[] block = BlockCodec.encode(MINUTE, tt, vv, off, n);
      BlockCodec.Samples s = BlockCodec.decode(MINUTE, block, 0, block.length);
      assertThat(s.timesMs()).as("times of block %d", k).isEqualTo(t);
      assertThat(bits(s.values())).as("values of block %d", k).isEqualTo(bits(v));
    }
  }

  @Test
  void aRegularSensorOfThreeDecimalsTakesAboutFiveBytesPerSample() {
    long[] t = new long[6];
    double[] v = new double[6];
    for (int i = 0; i < 6; i++) {
      t[i] = MINUTE + 3_250 + i * 10_000L;
      v[i] = 23.417 + i * 0.013;
      v[i] = Math.round(v[i] * 1000) / 1000.0;
    }
    assertThat(BlockCodec.encode(MINUTE, t, v, 0, 6).length).isLessThanOrEqualTo(30);
  }

  @Test
  void packsFindEverySeriesAndOnlyThem() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 300;
    long[] ids = rnd.longs(n).sorted().distinct().toArray();
    byte[][] blocks = new byte[ids.length][];
    double[][] values = new double[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      int m = rnd.nextInt(1, 20);
      values[i] = values(rnd, m, i % 6);
      blocks[i] = BlockCodec.encode(MINUTE, times(rnd, m), values[i], 0, m);
    }
    byte[] pack = BlockCodec.pack(ids, blocks, 0, ids.length);
    for (int i = 0; i < ids.length; i++) {
      assertThat(bits(BlockCodec.unpack(MINUTE, pack, ids[i]).values()))
          .containsExactly(bits(values[i]));
    }
    assertThat(BlockCodec.unpack(MINUTE, pack, 12345L)).isNull();
  }

  @Test
  void rejectsATruncatedBlockClearly() {
    byte[] block =
        BlockCodec.encode(MINUTE, new long[] {MINUTE, MINUTE + 5}, new double[] {1.5, 2.5}, 0, 2);
    assertThatThrownBy(() -> BlockCodec.decode(MINUTE, block, 0, block.length - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  /** Sorted times in the minute: regular with jitter, bursts with equal times, or random. */
  static long[] times(SplittableRandom rnd, int n) {
    long[] t = new long[n];
    int shape = rnd.nextInt(3);
    long interval = Math.max(1, 60_000 / n);
    for (int i = 0; i < n; i++) {
      t[i] =
          switch (shape) {
            case 0 -> MINUTE + i * interval + (rnd.nextInt(5) == 0 ? rnd.nextLong(interval) : 0);
            case 1 -> MINUTE + (i / 3) * interval;
            default -> MINUTE + rnd.nextLong(60_000);
          };
    }
    Arrays.sort(t);
    return t;
  }

  static double[] values(SplittableRandom rnd, int n, int shape) {
    DoubleSupplier next =
        switch (shape) {
          case 0 -> () -> Math.round(rnd.nextDouble(-50, 150) * 1000) / 1000.0;
          case 1 -> () -> rnd.nextInt(-1_000_000, 1_000_000);
          case 2 -> () -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-300, 300));
          case 3 -> () -> Math.round(rnd.nextDouble(0, 10) * 1e6) / 1e6;
          case 4 ->
              () ->
                  new double[] {
                        0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e16, 0.1
                      }
                      [rnd.nextInt(7)];
          default -> () -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL);
        };
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = next.getAsDouble();
    }
    return v;
  }

  static long[] bits(double[] v) {
    return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
