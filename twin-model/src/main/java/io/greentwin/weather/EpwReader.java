package io.greentwin.weather;

import io.greentwin.error.GreenTwinException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads EnergyPlus weather (EPW) files ("Auxiliary Programs", EnergyPlus documentation, ch. 2.9).
 *
 * <p>Line 1 is {@code LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,
 * elevation}; the header ends with the {@code DATA PERIODS} line. Each data row is {@code year,
 * month, day, hour (1–24), minute, flags, dry bulb, dew point, RH, pressure, …, GHI (field 14), DNI
 * (15), DHI (16), …, wind speed (22)}. Hour {@code h} covers the hour ending at {@code h}:00 local
 * standard time, so a row is stamped at that end; the minute field is ignored, as EnergyPlus does
 * for hourly files. Stamps keep the file's own years (a TMY mixes years by month). Missing-value
 * codes (9999 irradiance, 99.9 dry bulb, 999 RH and wind) are rejected, except RH, which becomes
 * {@code NaN}.
 */
final class EpwReader {
  static final String LOCATION = "LOCATION";
  private static final String DATA_PERIODS = "DATA PERIODS";
  private static final int FIELDS = 22;

  // EPW missing-value codes (EnergyPlus Auxiliary Programs, table "EPW data field descriptions").
  private static final double MISSING_IRRADIANCE = 9999;
  private static final double MISSING_DRY_BULB = 99.9;
  private static final double MISSING_RH = 999;
  private static final double MISSING_WIND = 999;

  private EpwReader() {}

  static WeatherFile read(WeatherText text) {
    WeatherStation station = station(text);
    int first = firstDataLine(text);
    List<WeatherSample> samples = new ArrayList<>();
    for (int lineNo = first; lineNo <= text.lineCount(); lineNo++) {
      if (!text.line(lineNo).isBlank()) {
        samples.add(row(text, lineNo, station.utcOffset()));
      }
    }
    if (samples.isEmpty()) {
      throw text.invalid(first - 1, "no data rows after " + DATA_PERIODS);
    }
    return new WeatherFile(
        text.file(), WeatherFormat.EPW, Optional.of(station), Duration.ofHours(1), samples);
  }

  private static WeatherStation station(WeatherText text) {
    List<String> f = text.fields(1, 10);
    double lat = text.number(1, f, 6, "latitude");
    double lon = text.number(1, f, 7, "longitude");
    ZoneOffset offset = text.offsetHours(1, text.number(1, f, 8, "time zone"));
    double elev = text.number(1, f, 9, "elevation");
    try {
      return new WeatherStation(f.get(1), lat, lon, elev, offset);
    } catch (GreenTwinException e) {
      throw text.invalid(1, e.getMessage());
    }
  }

  private static int firstDataLine(WeatherText text) {
    for (int lineNo = 2; lineNo <= text.lineCount(); lineNo++) {
      if (text.line(lineNo).startsWith(DATA_PERIODS)) {
        return lineNo + 1;
      }
    }
    throw text.invalid(text.lineCount(), "no '" + DATA_PERIODS + "' header line");
  }

  private static WeatherSample row(WeatherText text, int lineNo, ZoneOffset offset) {
    List<String> f = text.fields(lineNo, FIELDS);
    Instant time = stamp(text, lineNo, f, offset);
    double temp = value(text, lineNo, f, 6, "dry bulb", MISSING_DRY_BULB);
    double rh = text.number(lineNo, f, 8, "relative humidity");
    double ghi = value(text, lineNo, f, 13, "GHI", MISSING_IRRADIANCE);
    double dni = value(text, lineNo, f, 14, "DNI", MISSING_IRRADIANCE);
    double dhi = value(text, lineNo, f, 15, "DHI", MISSING_IRRADIANCE);
    double wind = value(text, lineNo, f, 21, "wind speed", MISSING_WIND);
    double rhPct = rh >= MISSING_RH ? Double.NaN : rh;
    return text.sample(lineNo, () -> new WeatherSample(time, ghi, dni, dhi, temp, wind, rhPct));
  }

  private static double value(
      WeatherText text, int lineNo, List<String> f, int index, String name, double missing) {
    double value = text.number(lineNo, f, index, name);
    if (value >= missing) {
      throw text.invalid(lineNo, name + " is missing (code " + f.get(index) + ")");
    }
    return value;
  }

  private static Instant stamp(WeatherText text, int lineNo, List<String> f, ZoneOffset offset) {
    try {
      int year = Integer.parseInt(f.get(0));
      int month = Integer.parseInt(f.get(1));
      int day = Integer.parseInt(f.get(2));
      int hour = Integer.parseInt(f.get(3));
      if (hour < 1 || hour > 24) {
        throw new DateTimeException("hour");
      }
      return LocalDate.of(year, month, day).atStartOfDay().plusHours(hour).toInstant(offset);
    } catch (DateTimeException | NumberFormatException e) {
      throw text.invalid(
          lineNo,
          "bad date/hour '"
              + String.join(",", f.subList(0, 4))
              + "': expected year,month,day,hour 1-24");
    }
  }
}
