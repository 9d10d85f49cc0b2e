package io.greentwin.weather;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a plain weather CSV: one header row, then one row per sample. Blank lines and lines
 * starting with {@code #} are skipped. Column names are case-insensitive and may come in any order;
 * each column accepts these names:
 *
 * <ul>
 *   <li>{@code time}: time, timestamp, datetime, date_time — ISO-8601 with an offset, e.g. {@code
 *       2024-06-01T12:00:00+08:00}, {@code 2024-06-01 04:00Z}
 *   <li>{@code ghi}: ghi, ghi_w_m2, ghi_wm2 (W/m²)
 *   <li>{@code dni}: dni, dni_w_m2, dni_wm2 (W/m²)
 *   <li>{@code dhi}: dhi, dhi_w_m2, dhi_wm2 (W/m²)
 *   <li>{@code temp_air}: temp_air, air_temp_c, air_temp, temperature, temp_c (°C)
 *   <li>{@code wind_speed}: wind_speed, wind_ms, wind_speed_ms, wind (m/s)
 *   <li>optional {@code relative_humidity}: relative_humidity, rh, relative_humidity_pct, humidity
 *       (%); {@code NaN} when absent
 * </ul>
 *
 * <p>Each stamp is taken as the instant its values apply to (the sun is evaluated there), so hourly
 * averages are best stamped at mid-hour.
 */
final class CsvWeatherReader {
  /** Accepted header names per column; the key is the canonical name. */
  static final Map<String, List<String>> ALIASES =
      Map.of(
          "time", List.of("time", "timestamp", "datetime", "date_time"),
          "ghi", List.of("ghi", "ghi_w_m2", "ghi_wm2"),
          "dni", List.of("dni", "dni_w_m2", "dni_wm2"),
          "dhi", List.of("dhi", "dhi_w_m2", "dhi_wm2"),
          "temp_air", List.of("temp_air", "air_temp_c", "air_temp", "temperature", "temp_c"),
          "wind_speed", List.of("wind_speed", "wind_ms", "wind_speed_ms", "wind"),
          "relative_humidity",
              List.of("relative_humidity", "rh", "relative_humidity_pct", "humidity"));

  private static final List<String> REQUIRED =
      List.of("time", "ghi", "dni", "dhi", "temp_air", "wind_speed");

  private CsvWeatherReader() {}

  /** True when the line is a header naming a time column: how a plain CSV is recognised. */
  static boolean looksLikeHeader(String line) {
    return find(normalise(WeatherText.split(line)), "time").isPresent();
  }

  static WeatherFile read(WeatherText text) {
    int headerLine = nextContentLine(text, 1);
    if (headerLine > text.lineCount()) {
      throw text.invalid(1, "no header row");
    }
    List<String> header = normalise(WeatherText.split(text.line(headerLine)));
    int[] col = requiredColumns(text, headerLine, header);
    OptionalInt rhCol = find(header, "relative_humidity");
    List<WeatherSample> samples = new ArrayList<>();
    for (int n = nextContentLine(text, headerLine + 1);
        n <= text.lineCount();
        n = nextContentLine(text, n + 1)) {
      samples.add(row(text, n, header.size(), col, rhCol));
    }
    if (samples.isEmpty()) {
      throw text.invalid(headerLine, "no data rows after the header");
    }
    return new WeatherFile(
        text.file(), WeatherFormat.CSV, Optional.empty(), Duration.ZERO, samples);
  }

  private static int[] requiredColumns(WeatherText text, int headerLine, List<String> header) {
    int[] col = new int[REQUIRED.size()];
    for (int i = 0; i < col.length; i++) {
      String name = REQUIRED.get(i);
      col[i] =
          find(header, name)
              .orElseThrow(
                  () ->
                      text.invalid(
                          headerLine,
                          "missing column '" + name + "' (accepted: " + ALIASES.get(name) + ")"));
    }
    return col;
  }

  private static WeatherSample row(
      WeatherText text, int lineNo, int width, int[] col, OptionalInt rhCol) {
    List<String> f = text.fields(lineNo, width);
    Instant time = instant(text, lineNo, f.get(col[0]));
    double ghi = text.number(lineNo, f, col[1], "ghi");
    double dni = text.number(lineNo, f, col[2], "dni");
    double dhi = text.number(lineNo, f, col[3], "dhi");
    double temp = text.number(lineNo, f, col[4], "temp_air");
    double wind = text.number(lineNo, f, col[5], "wind_speed");
    double rh =
        rhCol.isPresent() && !f.get(rhCol.getAsInt()).isEmpty()
            ? text.number(lineNo, f, rhCol.getAsInt(), "relative_humidity")
            : Double.NaN;
    return text.sample(lineNo, () -> new WeatherSample(time, ghi, dni, dhi, temp, wind, rh));
  }

  private static Instant instant(WeatherText text, int lineNo, String value) {
    String iso =
        value.length() > 10 && value.charAt(10) == ' ' ? value.replaceFirst(" ", "T") : value;
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      throw text.invalid(
          lineNo,
          "time '"
              + value
              + "' is not ISO-8601 with an offset (e.g. 2024-06-01T12:00:00+08:00 or ...Z)");
    }
  }

  private static int nextContentLine(WeatherText text, int from) {
    int n = from;
    while (n <= text.lineCount()
        && (text.line(n).isBlank() || text.line(n).stripLeading().startsWith("#"))) {
      n++;
    }
    return n;
  }

  private static List<String> normalise(List<String> header) {
    return header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
  }

  private static OptionalInt find(List<String> header, String canonical) {
    for (String alias : ALIASES.get(canonical)) {
      int index = header.indexOf(alias);
      if (index >= 0) {
        return OptionalInt.of(index);
      }
    }
    return OptionalInt.empty();
  }
}
