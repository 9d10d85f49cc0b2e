package io.greentwin.jobs.kpi;

import static io.greentwin.jobs.testing.SimulatedCampus.DEMO;
import static io.greentwin.jobs.testing.SimulatedCampus.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentwin.jobs.testing.FlinkRun;
import io.greentwin.jobs.testing.SimulatedCampus;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.kpi.DcBoundary;
import io.greentwin.sim.CampusSimulator;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KpiJobTest {
  @RegisterExtension static final MiniClusterExtension FLINK = new MiniClusterExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "2026-01-15T03:00:00Z"; // 11:00 local: PV, heat pump on
  private static final int HOURS = 2;

  private static SimulatedCampus.Run run;
  private static Map<String, JsonNode> patches;
  private static List<Reading> kpiReadings;

  @BeforeAll
  static void runJobOverTwoSimulatedHours() throws Exception {
    run =
        SimulatedCampus.run(
            21, START, Duration.ofHours(HOURS), Duration.ofMinutes(1), FaultPlan.NONE);
    StreamExecutionEnvironment env = FlinkRun.environment(2);
    KpiStreams out =
        KpiJob.attach(
            env.fromData(run.readings())
                .assignTimestampsAndWatermarks(SimulatedCampus.watermarks()),
            DEMO,
            KpiConfig.of(DEMO));
    var both = FlinkRun.collect(env, out.patches(), out.readings());
    patches = index(both.first());
    kpiReadings = both.second();
  }

  @Test
  void siteHourlyKpisMatchTheSimulatorsOwnEnergyBalance() {
    double factor = KpiConfig.of(DEMO).gridFactorKgPerKwh();
    assertThat(factor).isEqualTo(0.6361); // MEE 2023, North China grid (config/campus.yaml)
    for (int h = 0; h < HOURS; h++) {
      Hour e = hour(h);
      JsonNode k = patches.get(key(DEMO.site().id(), "hour", h * 60));
      assertThat(k).as("hour %d", h).isNotNull();
      assertThat(k.get("itPowerKw").asDouble()).isCloseTo(e.itKwh, withPercentage(1e-6));
      assertThat(k.get("facilityPowerKw").asDouble()).isCloseTo(e.facKwh, withPercentage(1e-6));
      assertThat(k.get("heatExportedKw").asDouble()).isCloseTo(e.exportKwh, withPercentage(1e-6));
      assertThat(k.get("pue").asDouble()).isCloseTo(e.facKwh / e.itKwh, withPercentage(1e-6));
      double reuse = e.exportKwh - e.heatPumpKwh; // heat pump outside the boundary
      assertThat(k.get("erf").asDouble()).isCloseTo(reuse / e.facKwh, withPercentage(1e-6));
      assertThat(k.get("ere").asDouble())
          .isCloseTo((e.facKwh - reuse) / e.itKwh, withPercentage(1e-6));
      // Grid import of the DC: the meter's import less the EV hub's grid share, then the DC's
      // share of what facility and heat pump drew together.
      double supply = e.facKwh + e.heatPumpKwh;
      double dcGrid = (e.gridKwh - (e.evKwh - e.evPvKwh)) * e.facKwh / supply;
      assertThat(k.get("cueKgCo2PerKwh").asDouble())
          .isCloseTo(dcGrid * factor / e.itKwh, withPercentage(1e-6));
      // Renewable: PV less the EV hub's share, minute by minute the part the facility drew.
      assertThat(k.get("ref").asDouble()).isCloseTo(dcPvKwh(h) / e.facKwh, withPercentage(1e-6));
      assertThat(k.get("ref").asDouble()).isPositive();
      assertThat(k.get("wueLPerKwh").asDouble()).isZero(); // no adiabatic spray in January
      assertThat(k.get("freeCoolingShare").asDouble()).isBetween(0.5, 1.0);
      assertThat(k.get("ppueCooling").asDouble()).isBetween(1.0, k.get("pue").asDouble());
      assertThat(k.get("period").asText()).isEqualTo("1h");
      assertThat(k.get("windowEnd").asText())
          .isEqualTo(Instant.parse(START).plus(Duration.ofHours(h + 1)).toString());
    }
  }

  @Test
  void everyMinuteOfTheSiteMatchesTheSimulatorsInstantaneousPue() {
    List<CampusSimulator.Totals> totals = run.totals();
    for (int m = 0; m < totals.size(); m++) {
      JsonNode k = patches.get(key(DEMO.site().id(), "minute", m));
      assertThat(k).as("minute %d", m).isNotNull();
      assertThat(k.get("pue").asDouble()).isCloseTo(totals.get(m).pue(), withPercentage(1e-6));
      assertThat(k.get("itPowerKw").asDouble())
          .isCloseTo(totals.get(m).itPowerKw(), withPercentage(1e-6));
    }
  }

  @Test
  void hallsAddUpToTheirBuildingsAndShareTheirBuildingsPue() {
    for (int h = 0; h < HOURS; h++) {
      double siteIt =
          patches.get(key(DEMO.site().id(), "hour", h * 60)).get("itPowerKw").asDouble();
      double hallsIt = 0;
      for (var hall : DEMO.halls()) {
        JsonNode k = patches.get(key(hall.id(), "hour", h * 60));
        JsonNode b = patches.get(key(hall.parentId(), "hour", h * 60));
        assertThat(k.get("itPowerKw").asDouble())
            .isCloseTo(rackEnergyKwh(hall.id(), h), withPercentage(1e-6));
        // Allocated minute by minute, so equal to the building's PUE up to the hour's shifts in
        // IT share between the building's halls.
        assertThat(k.get("pue").asDouble())
            .isCloseTo(b.get("pue").asDouble(), withPercentage(1e-3));
        assertThat(k.get("allocated").asBoolean()).isTrue();
        hallsIt += k.get("itPowerKw").asDouble();
      }
      assertThat(hallsIt).isCloseTo(siteIt, withPercentage(1e-6));
      for (var b : DEMO.buildings()) {
        JsonNode k = patches.get(key(b.id(), "hour", h * 60));
        assertThat(k.get("pue").asDouble())
            .isCloseTo(
                meterEnergyKwh(b.id(), "facilityPowerKw", h)
                    / meterEnergyKwh(b.id(), "itPowerKw", h),
                withPercentage(1e-6));
      }
    }
  }

  @Test
  void kpisAreAlsoReadingsForTheTimeSeriesOnePerLevelPeriodAndValue() {
    List<Reading> sitePue =
        kpiReadings.stream()
            .filter(r -> r.thingId().equals(DEMO.site().id()) && r.property().equals("pue_1h"))
            .toList();
    assertThat(sitePue).hasSize(HOURS);
    for (Reading r : sitePue) {
      // interval-ending: the hour [h, h + 1) is stamped h + 1
      int h = (int) Duration.between(Instant.parse(START), r.eventTime()).toHours() - 1;
      assertThat(r.feature()).isEqualTo("kpi");
      assertThat(r.unit()).isEqualTo("1");
      assertThat(r.value())
          .isEqualTo(patches.get(key(DEMO.site().id(), "hour", h * 60)).get("pue").asDouble());
    }
    long minutePatches = patches.keySet().stream().filter(k -> k.contains("|minute|")).count();
    int levels = DEMO.halls().size() + DEMO.buildings().size() + 1;
    assertThat(minutePatches).isEqualTo((long) levels * HOURS * 60);
    assertThat(kpiReadings.stream().filter(r -> r.property().equals("cueKgCo2PerKwh_1m")))
        .hasSize(levels * HOURS * 60)
        .allSatisfy(r -> assertThat(r.unit()).isEqualTo("kg/(kW.h)"));
  }

  @Test
  void domainWorkedCheckComesOutFromUnevenlySampledReadings() throws Exception {
    // DOMAIN.md's worked KPI check, scaled from a year to an hour (GWh -> MWh, t -> kg): E_IT
    // 8.76 MWh, PUE 1.10, E_reuse 4.0 MWh, grid factor 0.5306; in the second hour 1.0 MWh of
    // self-consumed PV with its certificates kept.
    List<Reading> in = new ArrayList<>();
    for (int hour = 0; hour < 2; hour++) {
      long base = hour * 3_600_000L;
      // IT: 8,000 kW for the first half hour, 9,520 kW for the second, sampled unevenly.
      for (long[] s : new long[][] {{0, 8000}, {420, 8000}, {1800, 9520}, {2473, 9520}}) {
        in.add(reading("b1", "metering", "itPowerKw", s[1], base + s[0] * 1000));
        in.add(reading("b1-h1-r01-k01", "power", "powerKw", s[1], base + s[0] * 1000));
      }
      for (long t = 0; t < 3600; t += 20) {
        in.add(reading("b1", "metering", "facilityPowerKw", 9636, base + t * 1000));
      }
      for (long t = 0; t < 3600; t += 60) {
        in.add(reading("district-heating", "heatMeter", "thermalPowerKw", 4000, base + t * 1000));
        in.add(reading("pv-ground-south-inv01", "ac", "powerKw", hour * 1000, base + t * 1000));
      }
    }
    in.sort((a, b) -> a.eventTime().compareTo(b.eventTime()));
    Reading late = reading("b1", "metering", "facilityPowerKw", 99_999, 600_000);
    in.add(late);
    StreamExecutionEnvironment env = FlinkRun.environment(1);
    KpiConfig config =
        new KpiConfig(DcBoundary.HEAT_PUMP_OUTSIDE, 0.5306, true, Duration.ofHours(1));
    KpiStreams out =
        KpiJob.attach(
            env.fromData(in).assignTimestampsAndWatermarks(SimulatedCampus.watermarksPerReading()),
            DEMO,
            config);
    var both = FlinkRun.collect(env, out.patches(), out.lateReadings());
    Map<String, JsonNode> k = index(both.first(), Instant.EPOCH);
    JsonNode first = k.get(key(id("b1"), "hour", 0));
    assertThat(first.get("itEnergyKwh").asDouble()).isCloseTo(8760, within(1e-6));
    assertThat(first.get("pue").asDouble()).isCloseTo(1.10, within(1e-9));
    assertThat(first.get("erf").asDouble()).isCloseTo(0.4151, within(5e-5));
    assertThat(first.get("ere").asDouble()).isCloseTo(0.6434, within(5e-5));
    assertThat(first.get("co2Kg").asDouble()).isCloseTo(5112.9, within(0.05));
    assertThat(first.get("cueKgCo2PerKwh").asDouble()).isCloseTo(0.5837, within(5e-5));
    assertThat(first.get("ref").asDouble()).isZero();
    JsonNode second = k.get(key(id("b1"), "hour", 60));
    assertThat(second.get("ref").asDouble()).isCloseTo(0.1038, within(5e-5));
    assertThat(second.get("co2Kg").asDouble()).isCloseTo(4582.3, within(0.05));
    assertThat(second.get("cueKgCo2PerKwh").asDouble()).isCloseTo(0.5231, within(5e-5));
    // The hall holds the building's only rack: the same IT energy and, by IT share, the same PUE.
    assertThat(k.get(key(id("b1-h1"), "hour", 0)).get("pue").asDouble())
        .isCloseTo(1.10, within(1e-9));
    // The reading that came after its minute was closed is set aside, not counted.
    assertThat(both.second()).containsExactly(late);
    // A minute inside the 8,000 kW half hour, between two sparse readings, is held at 8,000 kW.
    assertThat(k.get(key(id("b1"), "minute", 12)).get("itPowerKw").asDouble())
        .isCloseTo(8000, within(1e-9));
  }

  private static Reading reading(String local, String f, String p, double v, long timeMs) {
    String unit = "kW";
    return new Reading(id(local), f, p, v, unit, Instant.ofEpochMilli(timeMs), timeMs / 1000);
  }

  /** Energies of hour {@code h} of the run, from the simulator's totals and its readings. */
  private record Hour(
      double itKwh,
      double facKwh,
      double exportKwh,
      double heatPumpKwh,
      double pvKwh,
      double gridKwh,
      double evKwh,
      double evPvKwh) {}

  private static Hour hour(int h) {
    double it = 0;
    double fac = 0;
    double export = 0;
    double pv = 0;
    double grid = 0;
    for (int m = h * 60; m < (h + 1) * 60; m++) {
      CampusSimulator.Totals t = run.totals().get(m);
      assertThat(t.gridExportKw()).isZero();
      it += t.itPowerKw() / 60;
      fac += t.facilityPowerKw() / 60;
      export += t.heatReusedKw() / 60;
      pv += t.pvAcKw() / 60;
      grid += t.gridImportKw() / 60;
    }
    return new Hour(
        it,
        fac,
        export,
        sum("heat-pump", "power", "powerKw", h),
        pv,
        grid,
        sum("ev-hub", "charging", "powerKw", h),
        sum("ev-hub", "charging", "pvPowerKw", h));
  }

  /** Self-consumed PV that went to the facility (not the heat pump) in hour {@code h}, kWh. */
  private static double dcPvKwh(int h) {
    Map<Instant, Double> heatPump = series("heat-pump", "power", "powerKw");
    Map<Instant, Double> evPv = series("ev-hub", "charging", "pvPowerKw");
    double kwh = 0;
    for (int m = h * 60; m < (h + 1) * 60; m++) {
      CampusSimulator.Totals t = run.totals().get(m);
      Instant at = Instant.parse(START).plus(Duration.ofMinutes(m));
      double supply = t.facilityPowerKw() + heatPump.get(at);
      kwh += (t.pvAcKw() - evPv.get(at)) * t.facilityPowerKw() / supply / 60;
    }
    return kwh;
  }

  private static Map<Instant, Double> series(String local, String feature, String property) {
    Map<Instant, Double> out = new HashMap<>();
    for (Reading r : run.readings()) {
      if (r.thingId().equals(id(local))
          && r.feature().equals(feature)
          && r.property().equals(property)) {
        out.put(r.eventTime(), r.value());
      }
    }
    return out;
  }

  /** The energy of one sensor over hour {@code h}: 1-minute samples, each held for a minute. */
  private static double sum(String local, String feature, String property, int h) {
    return energyKwh(
        r ->
            r.thingId().equals(id(local))
                && r.feature().equals(feature)
                && r.property().equals(property),
        h);
  }

  private static double meterEnergyKwh(String buildingId, String property, int h) {
    return energyKwh(r -> r.thingId().equals(buildingId) && r.property().equals(property), h);
  }

  private static double rackEnergyKwh(String hallId, int h) {
    String prefix = hallId + "-r";
    return energyKwh(r -> r.thingId().startsWith(prefix) && r.property().equals("powerKw"), h);
  }

  private static double energyKwh(java.util.function.Predicate<Reading> which, int h) {
    Instant from = Instant.parse(START).plus(Duration.ofHours(h));
    Instant to = from.plus(Duration.ofHours(1));
    double kwh = 0;
    for (Reading r : run.readings()) {
      if (!r.eventTime().isBefore(from) && r.eventTime().isBefore(to) && which.test(r)) {
        kwh += r.value() / 60;
      }
    }
    return kwh;
  }

  private static Map<String, JsonNode> index(List<TwinPatch> list) {
    return index(list, Instant.parse(START));
  }

  /** Patches by {@code thingId|minute or hour|minutes since start}. */
  private static Map<String, JsonNode> index(List<TwinPatch> list, Instant start) {
    Map<String, JsonNode> out = new HashMap<>();
    for (TwinPatch p : list) {
      assertThat(p.path()).isEqualTo("/features/kpi/properties");
      assertThat(p.replace()).isFalse();
      try {
        JsonNode root = JSON.readTree(p.json());
        String period = root.fieldNames().next();
        JsonNode k = root.get(period);
        long minutes =
            Duration.between(start, Instant.parse(k.get("windowStart").asText())).toMinutes();
        assertThat(out.put(key(p.thingId(), period, minutes), k)).isNull();
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  private static String key(String thingId, String period, long minutes) {
    return thingId + "|" + period + "|" + minutes;
  }
}
