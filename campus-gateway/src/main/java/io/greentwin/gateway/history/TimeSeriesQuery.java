package io.greentwin.gateway.history;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;

/**
 * A time-series query on one property of one twin: values in {@code [from, to)}, grouped into
 * buckets of {@code step} aligned to the epoch, each bucket aggregated.
 *
 * @param thingId the twin
 * @param path the property, e.g. {@code /features/power/properties/kw}
 * @param from first instant included
 * @param to first instant excluded
 * @param step bucket width
 * @param aggregation how a bucket's values become one
 */
record TimeSeriesQuery(
    ThingId thingId,
    JsonPointer path,
    Instant from,
    Instant to,
    Duration step,
    Aggregation aggregation) {
  private static final Pattern SHORT_STEP = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  /** How the values in one bucket become one value. */
  enum Aggregation {
    AVG,
    MIN,
    MAX,
    LAST,
    COUNT;

    static Aggregation parse(String s) {
      if (s == null || s.isBlank()) {
        return AVG;
      }
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw invalid("agg", s, "one of avg, min, max, last, count");
      }
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  TimeSeriesQuery {
    if (!from.isBefore(to)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "The time range is empty.",
          "'from' (" + from + ") must be before 'to' (" + to + ").",
          null);
    }
  }

  /** An ISO-8601 instant, or the default when absent. */
  static Instant instant(String name, String value, Instant absent) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeException e) {
      throw invalid(name, value, "an ISO-8601 instant such as 2026-05-01T10:00:00Z");
    }
  }

  /**
   * A step such as {@code 30s}, {@code 1m}, {@code 15m}, {@code 1h}, {@code 1d} or {@code PT1M}.
   */
  static Duration step(String value) {
    if (value == null || value.isBlank()) {
      return Duration.ofMinutes(1);
    }
    Duration d;
    Matcher m = SHORT_STEP.matcher(value.trim());
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              default -> Duration.ofDays(n);
            };
      } else {
        d = Duration.parse(value.trim());
      }
    } catch (RuntimeException e) {
      throw invalid("step", value, "a positive duration such as 30s, 1m, 1h, 1d or PT1M");
    }
    if (d.isNegative() || d.toMillis() < 1) {
      throw invalid("step", value, "a positive duration of at least 1ms");
    }
    return d;
  }

  static GreenTwinException invalid(String param, String value, String expected) {
    return new GreenTwinException(
        ErrorCode.ARGUMENT_INVALID,
        "The parameter '" + param + "' is invalid.",
        "'" + value + "' is not " + expected + ".",
        null);
  }
}
