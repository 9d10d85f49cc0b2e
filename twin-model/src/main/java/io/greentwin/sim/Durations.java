package io.greentwin.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses human durations: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 7d}, ISO. */
public final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  /** The duration, or IllegalArgumentException naming what is allowed. */
  public static Duration parse(String text) {
    String s = text.trim();
    Matcher m = SIMPLE.matcher(s);
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      double ms =
          switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1_000;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 86_400_000;
          };
      return Duration.ofMillis(Math.round(ms));
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; allowed: e.g. 500ms, 30s, 10m, 1h, 7d or ISO PT1H");
    }
  }
}
