package io.greentwin.jobs.sync;

import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingEncoder;
import io.greentwin.sim.ReadingJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The fast path of parsing: a reading in exactly the layout {@link ReadingEncoder} writes (the
 * simulator's, and any sensor that writes the documented field order without spaces) — {@code
 * {"thingId":"…","feature":"…","property":"…","value":-12.345,"unit":"…",
 * "eventTime":"2026-06-21T11:00:30.000Z","seq":17}} — read in one pass over the text, with the
 * event time of the previous reading reused when the text is the same (the readings of a tick share
 * it). Anything else (escapes, spaces, another field order, exponents, more than 15 digits, {@code
 * -0}, a bad time) gives null, and {@link ReadingJson} decides, so this path accepts only what
 * {@link ReadingJson} would accept and gives the same {@link Reading}. Not thread-safe: one per
 * parse function.
 */
final class CanonicalReadingParser {
  private static final String THING = "{\"thingId\":\"";
  private static final String FEATURE = "\",\"feature\":\"";
  private static final String PROPERTY = "\",\"property\":\"";
  private static final String VALUE = "\",\"value\":";
  private static final String UNIT = ",\"unit\":\"";
  private static final String TIME = "\",\"eventTime\":\"";
  private static final String SEQ = "\",\"seq\":";
  private static final String TIME_SHAPE = "0000-00-00T00:00:00.000Z";
  private static final long[] POW10 = {1, 10, 100, 1000};
  private static final int MAX_DIGITS = 15;

  private final String[] fields = new String[4];
  private String lastTimeText = "";
  private Instant lastTime;
  private int pos;
  private String line;

  /** The reading, or null when {@code text} is not in the canonical layout. */
  Reading parse(String text) {
    line = text;
    pos = 0;
    try {
      if (!text(THING, 0) || !text(FEATURE, 1) || !text(PROPERTY, 2) || !expect(VALUE)) {
        return null;
      }
      double value = number();
      if (Double.isNaN(value) || !text(UNIT, 3) || !expect(TIME)) {
        return null;
      }
      Instant time = time();
      if (time == null || !expect(SEQ)) {
        return null;
      }
      long seq = seq();
      if (seq < 0 || pos != line.length() - 1 || line.charAt(pos) != '}') {
        return null;
      }
      return new Reading(fields[0], fields[1], fields[2], value, fields[3], time, seq);
    } finally {
      line = null;
    }
  }

  private boolean expect(String literal) {
    if (!line.startsWith(literal, pos)) {
      return false;
    }
    pos += literal.length();
    return true;
  }

  /** The literal, then a non-empty string without escapes or control characters up to a quote. */
  private boolean text(String literal, int field) {
    if (!expect(literal)) {
      return false;
    }
    int start = pos;
    for (; pos < line.length(); pos++) {
      char c = line.charAt(pos);
      if (c == '"') {
        if (pos == start) {
          return false;
        }
        fields[field] = line.substring(start, pos);
        return true;
      }
      if (c == '\\' || c < 0x20) {
        return false;
      }
    }
    return false;
  }

  /** {@code -?(0|[1-9][0-9]*)(.[0-9]{1,3})?}, at most 15 digits, not negative zero; else NaN. */
  private double number() {
    boolean negative = pos < line.length() && line.charAt(pos) == '-';
    if (negative) {
      pos++;
    }
    int start = pos;
    long n = 0;
    while (pos < line.length() && isDigit(line.charAt(pos))) {
      n = n * 10 + (line.charAt(pos++) - '0');
    }
    int intDigits = pos - start;
    if (intDigits == 0 || intDigits > 1 && line.charAt(start) == '0') {
      return Double.NaN;
    }
    int fraction = 0;
    if (pos < line.length() && line.charAt(pos) == '.') {
      pos++;
      while (pos < line.length() && isDigit(line.charAt(pos)) && fraction < POW10.length) {
        n = n * 10 + (line.charAt(pos++) - '0');
        fraction++;
      }
      if (fraction == 0 || fraction == POW10.length) {
        return Double.NaN;
      }
    }
    if (intDigits + fraction > MAX_DIGITS || negative && n == 0) {
      return Double.NaN;
    }
    // n and 10^fraction are exact doubles, so the quotient is the correctly rounded decimal,
    // as Double.parseDouble gives it
    double v = n / (double) POW10[fraction];
    return negative ? -v : v;
  }

  /** The 24 characters of {@code uuuu-MM-ddTHH:mm:ss.SSSZ}, parsed as {@link Instant#parse}. */
  private Instant time() {
    int end = pos + TIME_SHAPE.length();
    if (end > line.length()) {
      return null;
    }
    if (!line.regionMatches(pos, lastTimeText, 0, TIME_SHAPE.length())) {
      for (int i = 0; i < TIME_SHAPE.length(); i++) {
        char shape = TIME_SHAPE.charAt(i);
        char c = line.charAt(pos + i);
        if (shape == '0' ? !isDigit(c) : c != shape) {
          return null;
        }
      }
      String text = line.substring(pos, end);
      try {
        lastTime = Instant.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
      lastTimeText = text;
    }
    pos = end;
    return lastTime;
  }

  /** {@code 0|[1-9][0-9]{0,17}}; -1 otherwise. */
  private long seq() {
    int start = pos;
    long n = 0;
    while (pos < line.length() && isDigit(line.charAt(pos)) && pos - start < 18) {
      n = n * 10 + (line.charAt(pos++) - '0');
    }
    int digits = pos - start;
    if (digits == 0 || digits > 1 && line.charAt(start) == '0') {
      return -1;
    }
    return pos < line.length() && isDigit(line.charAt(pos)) ? -1 : n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
