package io.greentwin.weather;

import io.greentwin.error.GreenTwinException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads NREL TMY3 CSV files (Wilcox &amp; Marion 2008, "Users Manual for TMY3 Data Sets",
 * NREL/TP-581-43156, section 3).
 *
 * <p>Line 1 is the station: USAF id, name, state, time zone (hours from UTC), latitude, longitude,
 * elevation (m). Line 2 names the columns. Each row is stamped {@code MM/DD/YYYY,HH:MM} in local
 * standard time, and its values are the averages (irradiance: totals) over the hour <em>ending</em>
 * at that stamp; {@code 24:00} is midnight at the end of the day. Stamps keep the file's own years
 * (a TMY mixes years by month), converted to UTC with the header's offset.
 */
final class Tmy3Reader {
  static final String DATE = "Date (MM/DD/YYYY)";
  static final String TIME = "Time (HH:MM)";
  private static final String GHI = "GHI (W/m^2)";
  private static final String DNI = "DNI (W/m^2)";
  private static final String DHI = "DHI (W/m^2)";
  private static final String DRY_BULB = "Dry-bulb (C)";
  private static final String RH = "RHum (%)";
  private static final String WIND = "Wspd (m/s)";

  private Tmy3Reader() {}

  static WeatherFile read(WeatherText text) {
    WeatherStation station = station(text);
    List<String> header = text.fields(2, 2);
    int[] col = {
      column(text, header, DATE),
      column(text, header, TIME),
      column(text, header, GHI),
      column(text, header, DNI),
      column(text, header, DHI),
      column(text, header, DRY_BULB),
      column(text, header, RH),
      column(text, header, WIND)
    };
    int width = Arrays.stream(col).max().orElseThrow() + 1;
    List<WeatherSample> samples = new ArrayList<>();
    for (int lineNo = 3; lineNo <= text.lineCount(); lineNo++) {
      if (text.line(lineNo).isBlank()) {
        continue;
      }
      samples.add(row(text, lineNo, width, col, station.utcOffset()));
    }
    if (samples.isEmpty()) {
      throw text.invalid(2, "no data rows");
    }
    return new WeatherFile(
        text.file(), WeatherFormat.TMY3, Optional.of(station), Duration.ofHours(1), samples);
  }

  private static WeatherStation station(WeatherText text) {
    List<String> f = text.fields(1, 7);
    ZoneOffset offset = text.offsetHours(1, text.number(1, f, 3, "time zone"));
    double lat = text.number(1, f, 4, "latitude");
    double lon = text.number(1, f, 5, "longitude");
    double elev = text.number(1, f, 6, "elevation");
    try {
      return new WeatherStation(f.get(1), lat, lon, elev, offset);
    } catch (GreenTwinException e) {
      throw text.invalid(1, e.getMessage());
    }
  }

  private static int column(WeatherText text, List<String> header, String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw text.invalid(2, "missing TMY3 column '" + name + "'");
    }
    return index;
  }

  private static WeatherSample row(
      WeatherText text, int lineNo, int width, int[] col, ZoneOffset offset) {
    List<String> f = text.fields(lineNo, width);
    Instant time = stamp(text, lineNo, f.get(col[0]), f.get(col[1]), offset);
    double ghi = text.number(lineNo, f, col[2], "GHI");
    double dni = text.number(lineNo, f, col[3], "DNI");
    double dhi = text.number(lineNo, f, col[4], "DHI");
    double temp = text.number(lineNo, f, col[5], "dry-bulb temperature");
    double rh = text.number(lineNo, f, col[6], "relative humidity");
    double wind = text.number(lineNo, f, col[7], "wind speed");
    return text.sample(lineNo, () -> new WeatherSample(time, ghi, dni, dhi, temp, wind, rh));
  }

  private static Instant stamp(
      WeatherText text, int lineNo, String date, String time, ZoneOffset offset) {
    try {
      String[] d = date.split("/");
      String[] t = time.split(":");
      if (d.length != 3 || t.length != 2) {
        throw new DateTimeException("bad shape");
      }
      int hour = Integer.parseInt(t[0]);
      int minute = Integer.parseInt(t[1]);
      if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute > 0)) {
        throw new DateTimeException("bad time");
      }
      LocalDate day =
          LocalDate.of(Integer.parseInt(d[2]), Integer.parseInt(d[0]), Integer.parseInt(d[1]));
      return day.atStartOfDay().plusHours(hour).plusMinutes(minute).toInstant(offset);
    } catch (DateTimeException | NumberFormatException e) {
      throw text.invalid(
          lineNo, "bad date/time '" + date + " " + time + "': expected MM/DD/YYYY and HH:MM");
    }
  }
}
