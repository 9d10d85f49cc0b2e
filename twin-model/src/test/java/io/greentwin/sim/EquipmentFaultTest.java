package io.greentwin.sim;

import static io.greentwin.sim.SimRun.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EquipmentFaultTest {
  private static final String START = "2026-04-10T02:00:00Z";

  private static TreeMap<Instant, Map<String, Double>> run(Fault... faults) {
    return (TreeMap<Instant, Map<String, Double>>)
        SimRun.byTick(
            SimRun.lines(4, START, Duration.ofMinutes(20), new FaultPlan(List.of(faults))));
  }

  private static Fault equipment(
      FaultType type, String local, int fromMin, int forMin, double mag) {
    return new Fault(
        type,
        id(local),
        null,
        Duration.ofMinutes(fromMin),
        Duration.ofMinutes(forMin),
        mag,
        null,
        0);
  }

  private static Map<String, Double> at(TreeMap<Instant, Map<String, Double>> t, String offset) {
    return t.get(Instant.parse(START).plus(Duration.parse(offset)));
  }

  @Test
  void dutyPumpFailureCutsFlowThenCoolantWarmsUntilTheStandbyStarts() {
    var t = run(equipment(FaultType.PUMP_FAILURE, "pump-1", 5, 10, 180));
    String cdu = id("b2-h2-cdu1");
    Map<String, Double> before = at(t, "PT4M30S");
    Map<String, Double> failed = at(t, "PT7M");
    Map<String, Double> recovered = at(t, "PT12M");
    assertThat(failed.get(id("pump-1") + "/hydraulics/flowM3h")).isZero();
    assertThat(failed.get(id("pump-1") + "/power/powerKw")).isZero();
    double loopBefore = before.get(id("loop-warm-water") + "/flow/flowM3h");
    assertThat(failed.get(id("loop-warm-water") + "/flow/flowM3h")).isLessThan(loopBefore * 0.7);
    assertThat(failed.get(cdu + "/primary/flowM3h"))
        .isLessThan(before.get(cdu + "/primary/flowM3h") * 0.7);
    double supplyBefore = before.get(cdu + "/secondary/supplyTempC");
    assertThat(failed.get(cdu + "/secondary/supplyTempC")).isGreaterThan(supplyBefore + 2);
    // 3 minutes after the trip the standby pump runs and the flow is back.
    assertThat(recovered.get(id("pump-3") + "/hydraulics/flowM3h")).isPositive();
    assertThat(recovered.get(id("loop-warm-water") + "/flow/flowM3h"))
        .isCloseTo(loopBefore, org.assertj.core.data.Percentage.withPercentage(5));
  }

  @Test
  void stuckCduValveHoldsItsPositionAndStarvesTheHall() {
    var t = run(equipment(FaultType.CDU_VALVE_STUCK, "b2-h2-cdu2", 2, 15, 20));
    String cdu = id("b2-h2-cdu2");
    Map<String, Double> late = at(t, "PT12M");
    assertThat(late.get(cdu + "/valve/positionPct")).isEqualTo(20.0);
    assertThat(late.get(cdu + "/secondary/supplyTempC"))
        .isGreaterThan(at(t, "PT1M").get(cdu + "/secondary/supplyTempC") + 5);
  }

  @Test
  void dryCoolerFanFailureStopsThatUnitAndTheOthersTakeItsShare() {
    var t = run(equipment(FaultType.DRY_COOLER_FAN_FAILURE, "dry-cooler-2", 5, 10, Double.NaN));
    Map<String, Double> before = at(t, "PT4M");
    Map<String, Double> during = at(t, "PT8M");
    assertThat(during.get(id("dry-cooler-2") + "/fan/speedPct")).isZero();
    assertThat(during.get(id("dry-cooler-2") + "/heat/heatRejectedKw")).isZero();
    assertThat(during.get(id("dry-cooler-1") + "/heat/heatRejectedKw"))
        .isGreaterThan(before.get(id("dry-cooler-1") + "/heat/heatRejectedKw") * 1.1);
  }

  @Test
  void invertersTripToZeroWhileTheSunShines() {
    String noon = "2026-06-21T04:00:00Z";
    var plan =
        new FaultPlan(
            List.of(
                new Fault(
                    FaultType.PV_INVERTER_TRIP,
                    id("pv-ground-south-inv03"),
                    null,
                    Duration.ZERO,
                    Duration.ofMinutes(5),
                    Double.NaN,
                    null,
                    0)));
    Map<String, Double> r =
        SimRun.byTick(SimRun.lines(4, noon, Duration.ofSeconds(30), plan))
            .values()
            .iterator()
            .next();
    assertThat(r.get(id("pv-ground-south") + "/irradiance/poaWm2")).isGreaterThan(300);
    assertThat(r.get(id("pv-ground-south-inv03") + "/ac/powerKw")).isZero();
    assertThat(r.get(id("pv-ground-south-inv03") + "/status/online")).isZero();
    assertThat(r.get(id("pv-ground-south-inv04") + "/ac/powerKw")).isPositive();
  }
}
