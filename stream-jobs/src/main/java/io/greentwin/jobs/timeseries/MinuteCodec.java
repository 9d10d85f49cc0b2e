package io.greentwin.jobs.timeseries;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1-min roll-ups of one series and quarter hour, packed into one {@code ts_rollup_1m} row: the
 * count of minutes, then per minute its index in the quarter (0–14), sample count, first and last
 * time as offsets from the minute's start (varints), and sum, min, max, last as 8-byte doubles.
 * About 45 bytes a minute; one row instead of fifteen.
 */
public final class MinuteCodec {
  private MinuteCodec() {}

  /** One minute of a pack. */
  public record Minute(long startMs, SeriesAggregate aggregate) {}

  public static byte[] encode(long quarterStartMs, List<Minute> minutes) {
    Varints.Writer w = new Varints.Writer(2 + minutes.size() * 48);
    w.unsigned(minutes.size());
    for (Minute m : minutes) {
      long offset = m.startMs() - quarterStartMs;
      if (offset < 0 || offset >= Rollup.QUARTER_HOUR.widthMs() || offset % 60_000 != 0) {
        throw new IllegalArgumentException("minute " + m.startMs() + " is not in the quarter");
      }
      SeriesAggregate a = m.aggregate();
      w.unsigned(offset / 60_000);
      w.unsigned(a.count());
      w.signed(a.firstTMs() - m.startMs());
      w.signed(a.lastTMs() - m.startMs());
      w.fixed64(Double.doubleToRawLongBits(a.sum()));
      w.fixed64(Double.doubleToRawLongBits(a.min()));
      w.fixed64(Double.doubleToRawLongBits(a.max()));
      w.fixed64(Double.doubleToRawLongBits(a.last()));
    }
    return w.toByteArray();
  }

  public static List<Minute> decode(long quarterStartMs, byte[] b) {
    Varints.Reader r = new Varints.Reader(b, 0, b.length);
    int n = Math.toIntExact(r.unsigned());
    List<Minute> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long start = quarterStartMs + r.unsigned() * 60_000;
      long count = r.unsigned();
      long first = start + r.signed();
      long last = start + r.signed();
      double sum = Double.longBitsToDouble(r.fixed64());
      double min = Double.longBitsToDouble(r.fixed64());
      double max = Double.longBitsToDouble(r.fixed64());
      double lastV = Double.longBitsToDouble(r.fixed64());
      out.add(new Minute(start, new SeriesAggregate(count, sum, min, max, lastV, first, last)));
    }
    return out;
  }
}
