package io.greentwin.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greentwin.SharedData;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherFilesTest {
  @TempDir Path dir;

  @Test
  void readsTmy3WithStationAndHourEndingUtcStamps() {
    WeatherFile file = WeatherFiles.readFile(SharedData.require("pv/723170TYA.CSV"));

    assertThat(file.format()).isEqualTo(WeatherFormat.TMY3);
    assertThat(file.samples()).hasSize(8760);
    assertThat(file.averagingInterval()).isEqualTo(Duration.ofHours(1));
    WeatherStation station = file.station().orElseThrow();
    assertThat(station.name()).isEqualTo("GREENSBORO PIEDMONT TRIAD INT");
    assertThat(station.latitudeDeg()).isEqualTo(36.1);
    assertThat(station.longitudeDeg()).isEqualTo(-79.95);
    assertThat(station.altitudeM()).isEqualTo(273);
    assertThat(station.utcOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    // 01/01/1988 01:00 local standard time (UTC-5), the end of the first hour.
    WeatherSample first = file.samples().get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("1988-01-01T06:00:00Z"));
    assertThat(first.airTempC()).isEqualTo(10.0);
    assertThat(first.windMs()).isEqualTo(6.2);
    assertThat(first.relativeHumidityPct()).isEqualTo(77);
    // "24:00" closes the day: midnight local is 05:00 UTC the next day.
    assertThat(file.samples().get(23).time()).isEqualTo(Instant.parse("1988-01-02T05:00:00Z"));
  }

  @Test
  void tmy3AnnualGhiIsPlausibleForGreensboro() {
    List<WeatherSample> samples = WeatherFiles.read(SharedData.require("pv/723170TYA.CSV"));

    double ghiKwhM2 = samples.stream().mapToDouble(WeatherSample::ghiWm2).sum() / 1000;
    // Piedmont North Carolina receives about 1.5-1.7 MWh/m² a year (NREL NSRDB).
    assertThat(ghiKwhM2).isBetween(1450.0, 1700.0);
    assertThat(samples).allSatisfy(s -> assertThat(s.ghiWm2()).isLessThan(1200));
  }

  @Test
  void readsEpwWithStationAndHourEndingUtcStamps() {
    WeatherFile file =
        WeatherFiles.readFile(SharedData.require("weather/USA_IL_Chicago.OHare.epw"));

    assertThat(file.format()).isEqualTo(WeatherFormat.EPW);
    assertThat(file.samples()).hasSize(8760);
    WeatherStation station = file.station().orElseThrow();
    assertThat(station.latitudeDeg()).isEqualTo(41.96);
    assertThat(station.longitudeDeg()).isEqualTo(-87.932);
    assertThat(station.altitudeM()).isEqualTo(201.8);
    assertThat(station.utcOffset()).isEqualTo(ZoneOffset.ofHours(-6));
    // Row "2016,1,1,1,...": hour 1 ends at 01:00 local (UTC-6).
    WeatherSample first = file.samples().get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2016-01-01T07:00:00Z"));
    assertThat(first.airTempC()).isEqualTo(-4.4);
    assertThat(first.relativeHumidityPct()).isEqualTo(68);
    assertThat(first.windMs()).isEqualTo(7.7);
    double ghiKwhM2 = file.samples().stream().mapToDouble(WeatherSample::ghiWm2).sum() / 1000;
    // Northern Illinois: about 1.4-1.6 MWh/m² a year (NREL NSRDB).
    assertThat(ghiKwhM2).isBetween(1350.0, 1650.0);
  }

  @Test
  void readsPlainCsvWithAliasesAndOffsets() throws IOException {
    Path csv =
        write(
            "w.csv",
            "# campus met mast",
            "timestamp,GHI_W_M2,dni,dhi,air_temp_c,wind_ms,rh",
            "2024-06-01T12:00:00+08:00,800,700,150,30.5,2.0,40",
            "",
            "2024-06-01 05:00Z,820.5,710,152,31,2.5,");

    WeatherFile file = WeatherFiles.readFile(csv);

    assertThat(file.format()).isEqualTo(WeatherFormat.CSV);
    assertThat(file.station()).isEmpty();
    assertThat(file.averagingInterval()).isEqualTo(Duration.ZERO);
    assertThat(file.samples())
        .containsExactly(
            new WeatherSample(Instant.parse("2024-06-01T04:00:00Z"), 800, 700, 150, 30.5, 2, 40),
            new WeatherSample(
                Instant.parse("2024-06-01T05:00:00Z"), 820.5, 710, 152, 31, 2.5, Double.NaN));
  }

  @Test
  void malformedCsvNamesFileAndLine() throws IOException {
    Path csv =
        write(
            "bad.csv",
            "time,ghi,dni,dhi,temp_air,wind_speed",
            "2024-06-01T12:00:00Z,800,700,150,30.5,2.0",
            "2024-06-01T13:00:00Z,eight hundred,700,150,30.5,2.0");

    assertThatThrownBy(() -> WeatherFiles.read(csv))
        .isInstanceOfSatisfying(
            GreenTwinException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.WEATHER_INVALID))
        .hasMessage(csv + ":3: ghi 'eight hundred' is not a number");
  }

  @Test
  void rejectsOutOfRangeValueAtItsLine() throws IOException {
    Path csv =
        write(
            "neg.csv",
            "time,ghi,dni,dhi,temp_air,wind_speed",
            "2024-06-01T12:00:00Z,-5,700,150,30.5,2.0");

    assertThatThrownBy(() -> WeatherFiles.read(csv))
        .hasMessageStartingWith(csv + ":2: ghi -5.0 W/m² outside");
  }

  @Test
  void rejectsTimeWithoutOffset() throws IOException {
    Path csv =
        write("local.csv", "time,ghi,dni,dhi,temp_air,wind_speed", "2024-06-01T12:00,0,0,0,5,1");

    assertThatThrownBy(() -> WeatherFiles.read(csv))
        .hasMessageStartingWith(csv + ":2: time '2024-06-01T12:00' is not ISO-8601 with an offset");
  }

  @Test
  void rejectsCsvMissingAColumn() throws IOException {
    Path csv = write("nodni.csv", "time,ghi,dhi,temp_air,wind_speed", "2024-06-01T12:00Z,0,0,5,1");

    assertThatThrownBy(() -> WeatherFiles.read(csv))
        .hasMessageStartingWith(csv + ":1: missing column 'dni'");
  }

  @Test
  void rejectsShortRow() throws IOException {
    Path csv =
        write("short.csv", "time,ghi,dni,dhi,temp_air,wind_speed", "2024-06-01T12:00Z,0,0,0,5");

    assertThatThrownBy(() -> WeatherFiles.read(csv))
        .hasMessage(csv + ":2: expected at least 6 fields, found 5");
  }

  @Test
  void rejectsUnknownFormatAndMissingFile() throws IOException {
    Path other = write("other.csv", "a,b,c", "1,2,3");
    Path missing = dir.resolve("missing.epw");

    assertThatThrownBy(() -> WeatherFiles.read(other))
        .hasMessageStartingWith(other + ":1: unrecognised weather format");
    assertThatThrownBy(() -> WeatherFiles.read(missing))
        .isInstanceOfSatisfying(GreenTwinException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessage(missing + ": no such file");
  }

  @Test
  void malformedTmy3RowNamesItsLine() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require("pv/723170TYA.CSV"));
    lines.set(4, lines.get(4).replace("01/01/1988,03:00", "13/01/1988,03:00"));
    Path copy = dir.resolve("broken.CSV");
    Files.write(copy, lines);

    assertThatThrownBy(() -> WeatherFiles.read(copy))
        .hasMessage(copy + ":5: bad date/time '13/01/1988 03:00': expected MM/DD/YYYY and HH:MM");
  }

  @Test
  void epwMissingValueCodeIsRejected() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require("weather/USA_IL_Chicago.OHare.epw"));
    String[] f = lines.get(20).split(",", -1);
    f[13] = "9999";
    lines.set(20, String.join(",", f));
    Path copy = dir.resolve("gap.epw");
    Files.write(copy, lines);

    assertThatThrownBy(() -> WeatherFiles.read(copy))
        .hasMessage(copy + ":21: GHI is missing (code 9999)");
  }

  @Test
  void splitsQuotedFields() {
    assertThat(WeatherText.split("1,\"A, B\",\"say \"\"hi\"\"\", x "))
        .containsExactly("1", "A, B", "say \"hi\"", "x");
  }

  @Test
  void sampleRejectsImplausibleWeather() {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    assertThatThrownBy(() -> new WeatherSample(t, 0, 0, 0, 75, 1, 50))
        .hasMessageContaining("air temperature");
    assertThatThrownBy(() -> new WeatherSample(t, 0, 0, 0, 20, -1, 50))
        .hasMessageContaining("wind speed");
    assertThatThrownBy(() -> new WeatherSample(t, 0, Double.NaN, 0, 20, 1, 50))
        .hasMessageContaining("dni");
    assertThatThrownBy(() -> new WeatherSample(t, 0, 0, 0, 20, 1, 101))
        .hasMessageContaining("relative humidity");
    assertThat(new WeatherSample(t, 0, 0, 0, 20, 1, Double.NaN).relativeHumidityPct()).isNaN();
    assertThat(new WeatherSample(t, 1000, 900, 100, -40, 30, 100).ghiWm2())
        .isCloseTo(1000, within(0.0));
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }
}
