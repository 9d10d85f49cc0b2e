package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PvCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void printsHourlyCsvAndTotalsForTmy3() {
    Path tmy3 = shared("pv/723170TYA.CSV");

    int code = run("pv", "--weather", tmy3.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(1 + 8760);
    assertThat(lines.get(0)).isEqualTo("time,poa_w_m2,cell_temp_c,dc_kw,ac_kw");
    assertThat(lines.get(1)).isEqualTo("1988-01-01T06:00:00Z,0.0,10.00,0.0000,0.0000");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches("\\S+Z,\\d+\\.\\d,-?\\d+\\.\\d\\d,\\d+\\.\\d{4},\\d+\\.\\d{4}"));
    double acKwh =
        lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[4])).sum();
    assertThat(acKwh / 4).isBetween(1250.0, 1500.0);
    assertThat(err.toString())
        .contains("GREENSBORO PIEDMONT TRIAD INT")
        .contains("lat 36.100°, lon -79.950°, 273 m")
        .contains(String.format(java.util.Locale.ROOT, "annual AC energy: %.1f kWh", acKwh))
        .contains("annual DC energy:")
        .contains("specific yield:")
        .contains("capacity factor:");
  }

  @Test
  void optionsChangeTheArray() {
    Path tmy3 = shared("pv/723170TYA.CSV");

    int code =
        run(
            "pv",
            "--weather",
            tmy3.toString(),
            "--dc-kw",
            "8",
            "--tilt",
            "35",
            "--transposition",
            "ISOTROPIC",
            "--temp-model",
            "noct",
            "--lat",
            "36.1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString())
        .contains("8.00 kWdc / 6.67 kWac, tilt 35.0°")
        .contains("isotropic, noct");
  }

  @Test
  void plainCsvNeedsASite() throws IOException {
    Path csv =
        Files.write(
            dir.resolve("w.csv"),
            List.of(
                "time,ghi,dni,dhi,temp_air,wind_speed",
                "2024-06-21T04:00:00Z,900,800,120,30,2",
                "2024-06-21T05:00:00Z,850,760,120,31,2"));

    int missing = run("pv", "--weather", csv.toString());
    String missingErr = err.toString();
    err.getBuffer().setLength(0);
    int given =
        run(
            "pv",
            "--weather",
            csv.toString(),
            "--lat",
            "39.76",
            "--lon",
            "116.99",
            "--altitude",
            "15");

    assertThat(missing).isEqualTo(2);
    assertThat(missingErr.strip())
        .isEqualTo("greentwin: --lat is required: " + csv + " (CSV) has no station header");
    assertThat(given).as(err.toString()).isZero();
    assertThat(out.toString().lines().skip(1).map(l -> l.split(",")[0]).map(Instant::parse))
        .containsExactly(
            Instant.parse("2024-06-21T04:00:00Z"), Instant.parse("2024-06-21T05:00:00Z"));
    assertThat(err.toString()).contains("2 h AC energy:");
  }

  @Test
  void missingWeatherFileIsAOneLineUsageError() {
    Path missing = dir.resolve("nope.epw");

    int code = run("pv", "--weather", missing.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("greentwin: " + missing + ": no such file" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badEnumIsAOneLineUsageError() {
    Path tmy3 = shared("pv/723170TYA.CSV");

    int code = run("pv", "--weather", tmy3.toString(), "--transposition", "hay-davies");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("greentwin: --transposition: 'hay-davies' is not one of [perez, isotropic]");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void malformedWeatherFileNamesFileAndLine() throws IOException {
    Path csv =
        Files.write(
            dir.resolve("bad.csv"),
            List.of("time,ghi,dni,dhi,temp_air,wind_speed", "2024-06-21T04:00:00Z,900,800,x,30,2"));

    int code =
        run("pv", "--weather", csv.toString(), "--lat", "1", "--lon", "1", "--altitude", "1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("greentwin: " + csv + ":2: dhi 'x' is not a number");
  }

  @Test
  void impossibleArrayIsAUsageError() {
    Path tmy3 = shared("pv/723170TYA.CSV");

    int code = run("pv", "--weather", tmy3.toString(), "--tilt", "120");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("greentwin: tilt 120.0 outside [0, 90]");
  }

  @Test
  void missingWeatherOptionIsAPicocliUsageError() {
    int code = run("pv");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--weather=FILE'");
  }

  private int run(String... args) {
    return GreenTwinCli.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  private static Path shared(String relativePath) {
    Path file =
        Path.of(System.getProperty("greentwin.shared.dir", "../shared"), "data", relativePath);
    assumeTrue(Files.isRegularFile(file), () -> "reference data " + file + " absent: skipping");
    return file;
  }
}
