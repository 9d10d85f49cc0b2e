package io.greentwin.cli;

import io.greentwin.solar.PvArray;
import io.greentwin.solar.PvOutput;
import io.greentwin.weather.WeatherFile;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Renders {@code greentwin pv} results: the hourly CSV and the totals. */
final class PvReport {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  private PvReport() {}

  /** Header row plus one row per sample, fixed decimals, ISO-8601 UTC times. */
  static void writeCsv(PrintWriter out, List<PvOutput> hours) {
    StringBuilder line = new StringBuilder(64);
    out.print(PvCommand.CSV_HEADER + "\n");
    for (PvOutput h : hours) {
      line.setLength(0);
      line.append(TIME.format(h.time()))
          .append(',')
          .append(
              String.format(
                  Locale.ROOT,
                  "%.1f,%.2f,%.4f,%.4f",
                  h.poaWm2(),
                  h.cellTempC(),
                  h.dcKw(),
                  h.acKw()))
          .append('\n');
      out.print(line);
    }
  }

  /** Energy totals, specific yield and capacity factor (AC energy / DC nameplate / hours). */
  static void writeTotals(
      PrintWriter err, WeatherFile file, PvArray array, List<PvOutput> hours, double stepHours) {
    writeSetup(err, file, array, hours.size(), stepHours);
    double dcKwh = hours.stream().mapToDouble(PvOutput::dcKw).sum() * stepHours;
    double acKwh = hours.stream().mapToDouble(PvOutput::acKw).sum() * stepHours;
    double periodH = hours.size() * stepHours;
    String span =
        PvCommand.isYear(periodH) ? "annual" : String.format(Locale.ROOT, "%.0f h", periodH);
    err.printf(Locale.ROOT, "%s DC energy: %.1f kWh%n", span, dcKwh);
    err.printf(Locale.ROOT, "%s AC energy: %.1f kWh%n", span, acKwh);
    err.printf(Locale.ROOT, "specific yield: %.1f kWh/kWp%n", acKwh / array.dcKw());
    err.printf(Locale.ROOT, "capacity factor: %.2f %%%n", 100 * acKwh / (array.dcKw() * periodH));
  }

  /** What was simulated: the weather file, the site and the array. */
  private static void writeSetup(
      PrintWriter err, WeatherFile file, PvArray array, int samples, double stepHours) {
    String station = file.station().map(s -> s.name() + ", ").orElse("");
    err.printf(
        Locale.ROOT,
        "pv: %s (%s; %slat %.3f°, lon %.3f°, %.0f m), %d samples of %.2f h%n",
        file.source().getFileName(),
        file.format(),
        station,
        array.latitudeDeg(),
        array.longitudeDeg(),
        array.altitudeM(),
        samples,
        stepHours);
    err.printf(
        Locale.ROOT,
        "pv: %.2f kWdc / %.2f kWac, tilt %.1f°, azimuth %.1f°, losses %.2f %%, gamma %.4f/°C,"
            + " %s, %s%n",
        array.dcKw(),
        array.acNameplateKw(),
        array.tiltDeg(),
        array.azimuthDeg(),
        array.lossesPct(),
        array.gammaPerC(),
        array.transposition().name().toLowerCase(Locale.ROOT),
        array.tempModel().name().toLowerCase(Locale.ROOT));
  }
}
