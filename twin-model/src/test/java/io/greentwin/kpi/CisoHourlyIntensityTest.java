package io.greentwin.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the mix-intensity function and hourly Scope 2 against real data: California ISO's 2022
 * hourly generation mix with its average intensity {@code avg_CI} (shared/data/carbon, from
 * HewlettPackard/dc-rl, EIA-930), which is the generation-weighted mean with IPCC AR5 medians.
 */
class CisoHourlyIntensityTest {
  private static final String FILE = "data/carbon/CISO_2022_hourly_fuelmix_ci.csv";

  /** One row of the file; {@code mix} is null for the hours the file leaves blank. */
  private record Row(Instant hour, Map<Fuel, Double> mix, double avgCiGPerKwh) {}

  private static List<Row> rows;

  @BeforeAll
  static void readFile() throws IOException {
    String sharedDir = System.getProperty("greentwin.shared.dir");
    Assumptions.assumeTrue(
        sharedDir != null, "system property greentwin.shared.dir is not set: skipping");
    Path path = Path.of(sharedDir, FILE);
    Assumptions.assumeTrue(
        Files.exists(path), "reference data " + path + " is absent: skipping the CISO check");
    List<String> lines = Files.readAllLines(path);
    String[] header = lines.get(0).split(",", -1);
    rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(parse(header, line.split(",", -1)));
    }
  }

  private static Row parse(String[] header, String[] cells) {
    Instant hour = OffsetDateTime.parse(cells[0].replace(' ', 'T')).toInstant();
    String avgCi = cells[header.length - 1];
    if (avgCi.isEmpty()) {
      return new Row(hour, null, Double.NaN);
    }
    Map<Fuel, Double> mix = new EnumMap<>(Fuel.class);
    for (int i = 1; i < header.length - 1; i++) {
      mix.put(Fuel.fromEiaCode(header[i]), Double.parseDouble(cells[i]));
    }
    return new Row(hour, mix, Double.parseDouble(avgCi));
  }

  @Test
  void mixIntensityReproducesAvgCiForEveryHour() {
    int checked = 0;
    for (Row row : rows) {
      if (row.mix() == null) {
        continue;
      }
      double g =
          GenerationMix.averageIntensityGPerKwh(row.mix(), LifecycleIntensities.IPCC_AR5_MEDIANS);
      assertThat(g).as("intensity at %s", row.hour()).isEqualTo(row.avgCiGPerKwh(), within(0.01));
      checked++;
    }
    assertThat(checked).as("hours with a mix").isGreaterThan(8700);
  }

  @Test
  void hourlyLocationBasedScope2IsTheSumOfEnergyTimesIntensity() {
    List<IntensityPoint> points = new ArrayList<>();
    for (Row row : rows) {
      if (row.mix() != null) {
        double g =
            GenerationMix.averageIntensityGPerKwh(row.mix(), LifecycleIntensities.IPCC_AR5_MEDIANS);
        points.add(new IntensityPoint(row.hour(), g));
      }
    }
    // The file leaves three single hours blank: a two-hour hold bridges them with the hour before.
    CarbonIntensitySeries series = CarbonIntensitySeries.of(points, Duration.ofHours(2));

    List<EnergySample> gridUse = new ArrayList<>();
    double expectedGrams = 0;
    double heldCi = Double.NaN;
    double totalKwh = 0;
    for (int h = 0; h < rows.size(); h++) {
      Row row = rows.get(h);
      double kwh = 8000 + 1500 * Math.sin(2 * Math.PI * h / 24.0); // a daily load swing
      gridUse.add(new EnergySample(row.hour(), kwh));
      heldCi = row.mix() == null ? heldCi : row.avgCiGPerKwh();
      expectedGrams += kwh * heldCi;
      totalKwh += kwh;
    }

    double kg = Scope2.locationBasedKg(gridUse, series);
    // Our intensities match avg_CI within 0.01 g/kWh, so the totals agree within 0.01 g per kWh.
    assertThat(kg).isEqualTo(expectedGrams / 1000, within(totalKwh * 0.01 / 1000));
    assertThat(gridUse).hasSize(8760);
  }
}
