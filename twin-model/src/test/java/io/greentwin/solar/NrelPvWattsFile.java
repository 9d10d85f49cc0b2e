package io.greentwin.solar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * NREL's PVWatts v5 hourly output for Denver (shared/data/pv/pvwatts_8760_rackmount.csv): a site
 * header, then per hour beam, diffuse, ambient temperature, wind, POA, cell temperature, DC and AC
 * in W. Hours are local standard time, each covering [hour, hour + 1).
 */
record NrelPvWattsFile(
    double latitudeDeg, double longitudeDeg, double altitudeM, List<Hour> hours) {
  /** Denver keeps Mountain Standard Time in the file (PVWatts works in local standard time). */
  static final ZoneOffset UTC_OFFSET = ZoneOffset.ofHours(-7);

  /** The file has no year; any non-leap year serves for sun positions (< 0.01° apart). */
  static final int YEAR = 2019;

  /** One hour of the file. */
  record Hour(
      int month,
      int day,
      int hour,
      double beamWm2,
      double diffuseWm2,
      double ambientC,
      double windMs,
      double poaWm2,
      double cellTempC,
      double dcW,
      double acW) {

    Instant start() {
      return LocalDateTime.of(YEAR, month, day, hour, 0).toInstant(UTC_OFFSET);
    }

    Instant end() {
      return start().plusSeconds(3600);
    }
  }

  static NrelPvWattsFile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double lat = headerValue(lines, "Lat (deg N):");
    double lon = -headerValue(lines, "Long (deg W):");
    double elev = headerValue(lines, "Elev (m):");
    List<Hour> hours = new ArrayList<>();
    int first =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("Month,")).findFirst().orElseThrow())
            + 1;
    for (String line : lines.subList(first, lines.size())) {
      String[] f = line.split(",");
      if (f.length < 11 || f[0].equals("Totals")) {
        continue;
      }
      hours.add(
          new Hour(
              Integer.parseInt(f[0]),
              Integer.parseInt(f[1]),
              Integer.parseInt(f[2]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]),
              Double.parseDouble(f[5]),
              Double.parseDouble(f[6]),
              Double.parseDouble(f[7]),
              Double.parseDouble(f[8]),
              Double.parseDouble(f[9]),
              Double.parseDouble(f[10])));
    }
    return new NrelPvWattsFile(lat, lon, elev, hours);
  }

  private static double headerValue(List<String> lines, String key) {
    return lines.stream()
        .filter(l -> l.startsWith(key))
        .map(l -> Double.parseDouble(l.split(",")[1]))
        .findFirst()
        .orElseThrow();
  }
}
