package io.greentwin.weather;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The lines of a weather file, with the parsing steps every reader shares and error positions. */
final class WeatherText {
  private final Path file;
  private final List<String> lines;

  private WeatherText(Path file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /** Reads the file as UTF-8, falling back to ISO-8859-1 (older NREL files are Latin-1). */
  static WeatherText load(Path file) {
    if (!Files.exists(file)) {
      throw new GreenTwinException(ErrorCode.WEATHER_INVALID, file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new GreenTwinException(ErrorCode.WEATHER_INVALID, file + ": not a regular file");
    }
    try {
      try {
        return new WeatherText(file, Files.readAllLines(file, StandardCharsets.UTF_8));
      } catch (CharacterCodingException e) {
        return new WeatherText(file, Files.readAllLines(file, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.IO_FAILED, file + ": cannot read: " + e.getMessage(), null, e);
    }
  }

  Path file() {
    return file;
  }

  int lineCount() {
    return lines.size();
  }

  /** The line with the given 1-based number. */
  String line(int lineNo) {
    return lines.get(lineNo - 1);
  }

  /** The error for a problem at a 1-based line: {@code <file>:<line>: <what>}. */
  GreenTwinException invalid(int lineNo, String what) {
    return new GreenTwinException(ErrorCode.WEATHER_INVALID, file + ":" + lineNo + ": " + what);
  }

  /** Splits a comma-separated line; double quotes protect commas ({@code "a,b"}, {@code ""}). */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        fields.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().trim());
    return fields;
  }

  /** The fields of a line, failing when it has fewer than {@code minFields}. */
  List<String> fields(int lineNo, int minFields) {
    List<String> fields = split(line(lineNo));
    if (fields.size() < minFields) {
      throw invalid(lineNo, "expected at least " + minFields + " fields, found " + fields.size());
    }
    return fields;
  }

  /** Parses a number, naming the field on failure. */
  double number(int lineNo, List<String> fields, int index, String name) {
    String text = fields.get(index);
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(lineNo, name + " '" + text + "' is not a number");
  }

  /** A fixed UTC offset from hours (TMY3 and EPW give e.g. -5.0 or 5.5), checked to ±14 h. */
  ZoneOffset offsetHours(int lineNo, double hours) {
    if (!(hours >= -14 && hours <= 14)) {
      throw invalid(lineNo, "time zone " + hours + " h outside [-14, 14]");
    }
    return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
  }

  /** Builds a sample, turning a range error into an error at this line. */
  WeatherSample sample(int lineNo, Supplier<WeatherSample> build) {
    try {
      return build.get();
    } catch (GreenTwinException e) {
      throw invalid(lineNo, e.getMessage());
    }
  }
}
