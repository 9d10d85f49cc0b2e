package io.greentwin.jobs.timeseries;

import java.util.Arrays;
import java.util.List;

/** The samples of one series and minute gathered from its blocks, each (time, value) once. */
final class RawSamples {
  private RawSamples() {}

  /** Receives samples. */
  interface Consumer {
    void accept(long timeMs, double value);
  }

  /** Calls {@code out} for each distinct sample of the blocks, sorted by time. */
  static Distinct distinct(List<BlockCodec.Samples> blocks) {
    return out -> {
      if (blocks.size() == 1) {
        BlockCodec.Samples s = blocks.get(0);
        for (int i = 0; i < s.size(); i++) {
          out.accept(s.timesMs()[i], s.values()[i]);
        }
        return;
      }
      // several blocks of one minute: late samples or a replay after recovery
      int n = blocks.stream().mapToInt(BlockCodec.Samples::size).sum();
      long[][] pairs = new long[n][];
      int k = 0;
      for (BlockCodec.Samples s : blocks) {
        for (int i = 0; i < s.size(); i++) {
          pairs[k++] = new long[] {s.timesMs()[i], Double.doubleToRawLongBits(s.values()[i])};
        }
      }
      Arrays.sort(
          pairs, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
      for (int i = 0; i < n; i++) {
        if (i == 0 || pairs[i][0] != pairs[i - 1][0] || pairs[i][1] != pairs[i - 1][1]) {
          out.accept(pairs[i][0], Double.longBitsToDouble(pairs[i][1]));
        }
      }
    };
  }

  /** A sequence of samples. */
  interface Distinct {
    void forEach(Consumer out);
  }
}
