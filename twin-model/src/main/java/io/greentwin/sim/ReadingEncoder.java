package io.greentwin.sim;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.units.UnitCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Encodes one reading as its JSON wire form (docs/SENSOR-FORMAT.md) into a byte array, built for
 * the hot path: pre-encoded prefixes, fixed-point numbers (3 decimals, no trailing zeros), one
 * cached timestamp per distinct event time. Not thread-safe: one encoder per writer.
 */
public final class ReadingEncoder {
  /** The longest encoded reading, bytes: prefix + number + unit + time + seq, generously. */
  public static final int MAX_EXTRA_BYTES = 160;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final byte[] UNIT = bytes(",\"unit\":\"");
  private static final byte[] TIME_FIELD = bytes("\",\"eventTime\":\"");
  private static final byte[] SEQ = bytes("\",\"seq\":");
  private static final byte[][] UNITS = unitBytes();

  private long cachedMs = Long.MIN_VALUE;
  private byte[] cachedTime = new byte[0];
  private byte[] buf;
  private int pos;

  /**
   * Encodes a reading into {@code target} from {@code offset}, which must have room for the point's
   * prefix plus {@link #MAX_EXTRA_BYTES}; returns the offset after the closing brace.
   */
  public int encode(
      SensorPoint p, double value, long eventTimeMs, long seq, byte[] target, int offset) {
    buf = target;
    pos = offset;
    put(p.jsonPrefix());
    putNumber(value);
    put(UNIT);
    put(UNITS[p.unit().ordinal()]);
    put(TIME_FIELD);
    put(time(eventTimeMs));
    put(SEQ);
    putLong(seq);
    buf[pos++] = '}';
    buf = null;
    return pos;
  }

  /** The reading as a new byte array. */
  public byte[] encode(SensorPoint p, double value, long eventTimeMs, long seq) {
    byte[] scratch = new byte[p.jsonPrefix().length + MAX_EXTRA_BYTES];
    int end = encode(p, value, eventTimeMs, seq, scratch, 0);
    return java.util.Arrays.copyOf(scratch, end);
  }

  private byte[] time(long ms) {
    if (ms != cachedMs) {
      cachedMs = ms;
      cachedTime = bytes(TIME.format(Instant.ofEpochMilli(ms)));
    }
    return cachedTime;
  }

  private void put(byte[] b) {
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  /** Writes a finite value rounded to 3 decimals, without trailing zeros. */
  private void putNumber(double v) {
    if (!Double.isFinite(v) || Math.abs(v) > 1e15) {
      throw new GreenTwinException(
          ErrorCode.INTERNAL, "simulator produced a non-finite value " + v, null, null);
    }
    long milli = Math.round(v * 1000);
    if (milli < 0) {
      buf[pos++] = '-';
      milli = -milli;
    }
    putLong(milli / 1000);
    int frac = (int) (milli % 1000);
    if (frac != 0) {
      buf[pos++] = '.';
      buf[pos++] = (byte) ('0' + frac / 100);
      frac %= 100;
      if (frac != 0) {
        buf[pos++] = (byte) ('0' + frac / 10);
        frac %= 10;
        if (frac != 0) {
          buf[pos++] = (byte) ('0' + frac);
        }
      }
    }
  }

  private void putLong(long v) {
    if (v == 0) {
      buf[pos++] = '0';
      return;
    }
    int start = pos;
    while (v > 0) {
      buf[pos++] = (byte) ('0' + v % 10);
      v /= 10;
    }
    for (int i = start, j = pos - 1; i < j; i++, j--) {
      byte t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }

  private static byte[][] unitBytes() {
    UnitCode[] units = UnitCode.values();
    byte[][] out = new byte[units.length][];
    for (UnitCode u : units) {
      out[u.ordinal()] = bytes(u.ucum());
    }
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
