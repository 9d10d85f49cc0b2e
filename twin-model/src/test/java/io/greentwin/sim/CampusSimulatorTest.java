package io.greentwin.sim;

import static io.greentwin.sim.SimRun.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampusSimulatorTest {
  @Test
  void sameSeedGivesTheSameReadingsAndAnotherSeedOtherReadings() {
    String a = SimRun.lines(11, "2026-04-01T00:00:00Z", Duration.ofMinutes(3), FaultPlan.NONE);
    String b = SimRun.lines(11, "2026-04-01T00:00:00Z", Duration.ofMinutes(3), FaultPlan.NONE);
    String c = SimRun.lines(12, "2026-04-01T00:00:00Z", Duration.ofMinutes(3), FaultPlan.NONE);
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void everySensorReportsOncePerTickWithTheTickAsSequenceNumber() {
    CampusSimulator sim =
        SimRun.simulator(5, "2026-04-01T00:00:00Z", Duration.ofMinutes(2), FaultPlan.NONE);
    var readings =
        SimRun.readings(
            SimRun.lines(5, "2026-04-01T00:00:00Z", Duration.ofMinutes(2), FaultPlan.NONE));
    assertThat(readings).hasSize(4 * sim.readingsPerTick());
    assertThat(readings.get(0).seq()).isEqualTo(1);
    assertThat(readings.get(readings.size() - 1).seq()).isEqualTo(4);
    assertThat(readings.get(readings.size() - 1).eventTime())
        .isEqualTo(Instant.parse("2026-04-01T00:01:30Z"));
    assertThat(sim.readingsPerTick()).isGreaterThan(SimRun.CAMPUS.count());
  }

  @Test
  void pvFollowsTheSunDarkAtNightProducingAtNoon() {
    // Xianghe is UTC+8: 16:00 UTC is local midnight, 04:00 UTC is local noon.
    Map<String, Double> night = tick("2026-06-21T16:00:00Z");
    Map<String, Double> noon = tick("2026-06-21T04:00:00Z");
    String array = id("pv-ground-south");
    assertThat(night.get(array + "/dc/powerKw")).isZero();
    assertThat(night.get(id("weather-station") + "/irradiance/ghiWm2")).isZero();
    assertThat(noon.get(array + "/irradiance/poaWm2")).isGreaterThan(300);
    assertThat(noon.get(array + "/dc/powerKw")).isGreaterThan(1000);
  }

  @Test
  void heatPumpRunsOnlyInTheHeatingSeason() {
    Map<String, Double> summer = tick("2026-07-15T04:00:00Z");
    Map<String, Double> winter = tick("2026-01-15T22:00:00Z");
    String hp = id("heat-pump");
    assertThat(summer.get(hp + "/power/powerKw")).isZero();
    assertThat(summer.get(id("district-heating") + "/demand/demandKw")).isZero();
    assertThat(winter.get(hp + "/power/powerKw")).isPositive();
    assertThat(winter.get(id("district-heating") + "/heatMeter/thermalPowerKw")).isPositive();
  }

  @Test
  void interactiveHallsPeakInTheAfternoonAndDipAtNight() {
    // 06:00 UTC = 14:00 local (peak hour), 18:00 UTC = 02:00 local.
    double peak = hallIt(tick("2026-04-15T06:00:00Z"), "b1-h1");
    double trough = hallIt(tick("2026-04-15T18:00:00Z"), "b1-h1");
    assertThat(peak).isGreaterThan(trough * 1.3);
  }

  @Test
  void warmWaterSupplyStaysInTheW45ClassWithoutFaults() {
    Map<String, Double> hot = tick("2026-07-20T06:00:00Z");
    assertThat(hot.get(id("loop-warm-water") + "/temperatures/supplyTempC")).isBetween(44.9, 45.1);
    for (var rack : SimRun.CAMPUS.racks()) {
      assertThat(hot.get(rack.id() + "/thermal/inletTempC")).isBetween(18.0, 27.0);
    }
  }

  @Test
  void batchHallsReportMostOfTheirLoadAsDeferrableAndMoreAtNight() {
    Map<String, Double> day = tick("2026-04-15T06:00:00Z");
    Map<String, Double> night = tick("2026-04-15T18:00:00Z");
    double gpuShare = day.get(id("b2-h2") + "/workload/deferrablePowerKw") / hallIt(day, "b2-h2");
    double cpuDay = day.get(id("b1-h1") + "/workload/deferrablePowerKw") / hallIt(day, "b1-h1");
    double cpuNight =
        night.get(id("b1-h1") + "/workload/deferrablePowerKw") / hallIt(night, "b1-h1");
    assertThat(gpuShare).isGreaterThan(0.5);
    assertThat(cpuDay).isLessThan(0.25);
    assertThat(cpuNight).isGreaterThan(cpuDay);
  }

  private static double hallIt(Map<String, Double> r, String hall) {
    return SimRun.CAMPUS.racks().stream()
        .filter(k -> k.id().startsWith(id(hall)))
        .mapToDouble(k -> r.get(k.id() + "/power/powerKw"))
        .sum();
  }

  static Map<String, Double> tick(String start) {
    var ticks = SimRun.byTick(SimRun.lines(9, start, Duration.ofSeconds(30), FaultPlan.NONE));
    assertThat(ticks).hasSize(1);
    return ticks.values().iterator().next();
  }
}
