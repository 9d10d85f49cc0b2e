package io.greentwin.weather;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads hourly weather files: NREL TMY3 CSV, EnergyPlus EPW, or a plain CSV, told apart by their
 * first lines (see {@link Tmy3Reader}, {@link EpwReader} and {@link CsvWeatherReader} for each
 * format's columns and time convention). Stamps become UTC instants using the offset in the file's
 * header (TMY3, EPW) or in each timestamp (plain CSV). TMY3 and EPW rows are stamped at the end of
 * the hour they average, as those files define them.
 *
 * <p>Every problem is a {@link io.greentwin.error.GreenTwinException} with {@link
 * io.greentwin.error.ErrorCode#WEATHER_INVALID} and a message {@code <file>:<line>: <what is
 * wrong>} ({@code <file>: no such file} when it is missing).
 */
public final class WeatherFiles {
  private WeatherFiles() {}

  /** The samples of a weather file, in file order. */
  public static List<WeatherSample> read(Path file) {
    return readFile(file).samples();
  }

  /** A weather file with its format, station (when the header has one) and averaging interval. */
  public static WeatherFile readFile(Path file) {
    WeatherText text = WeatherText.load(file);
    return switch (detect(text)) {
      case TMY3 -> Tmy3Reader.read(text);
      case EPW -> EpwReader.read(text);
      case CSV -> CsvWeatherReader.read(text);
    };
  }

  static WeatherFormat detect(WeatherText text) {
    if (text.lineCount() == 0) {
      throw text.invalid(1, "empty file");
    }
    String first = text.line(1);
    if (first.startsWith(EpwReader.LOCATION + ",")) {
      return WeatherFormat.EPW;
    }
    if (text.lineCount() >= 2 && text.line(2).startsWith(Tmy3Reader.DATE)) {
      return WeatherFormat.TMY3;
    }
    for (int n = 1; n <= text.lineCount(); n++) {
      String line = text.line(n);
      if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
        if (CsvWeatherReader.looksLikeHeader(line)) {
          return WeatherFormat.CSV;
        }
        break;
      }
    }
    throw text.invalid(
        1,
        "unrecognised weather format: expected TMY3, EPW, or a CSV with header"
            + " time,ghi,dni,dhi,temp_air,wind_speed");
  }
}
