package io.greentwin.sim;

import static io.greentwin.sim.SimRun.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Assets;
import io.greentwin.units.Units;
import io.greentwin.units.Water;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The readings themselves close every energy balance of the plant. */
class EnergyBalanceTest {
  private static final double CP = Water.SPECIFIC_HEAT_KJ_PER_KG_K;

  private static Map<String, Double> lastTick(String start) {
    var ticks = SimRun.byTick(SimRun.lines(3, start, Duration.ofMinutes(2), FaultPlan.NONE));
    return ((java.util.TreeMap<java.time.Instant, Map<String, Double>>) ticks)
        .lastEntry()
        .getValue();
  }

  @Test
  void rackPowerIsTheSumOfItsServers() {
    Map<String, Double> r = lastTick("2026-03-10T04:00:00Z");
    for (Assets.Rack rack : SimRun.CAMPUS.racks().subList(0, 50)) {
      double sumW = 0;
      for (Assets.Server s : SimRun.CAMPUS.servers()) {
        if (s.parentId().equals(rack.id())) {
          sumW += r.get(s.id() + "/power/powerW");
        }
      }
      assertThat(r.get(rack.id() + "/power/powerKw")).isCloseTo(sumW / 1000, within(0.01));
    }
  }

  @Test
  void everyCduBalancesRacksSecondaryAndPrimarySides() {
    Map<String, Double> r = lastTick("2026-03-10T04:00:00Z");
    for (Assets.Cdu cdu : SimRun.CAMPUS.cdus()) {
      String c = cdu.id();
      double racksKw = 0;
      for (Assets.Rack rack : SimRun.CAMPUS.racks()) {
        if (rack.cduId().equals(c)) {
          double dt =
              r.get(rack.id() + "/coolant/returnTempC") - r.get(rack.id() + "/coolant/supplyTempC");
          racksKw += Units.kgPerSecond(r.get(rack.id() + "/coolant/flowM3h")) * CP * dt;
        }
      }
      double heat = r.get(c + "/heat/heatKw");
      double sec =
          Units.kgPerSecond(r.get(c + "/secondary/flowM3h"))
              * CP
              * (r.get(c + "/secondary/returnTempC") - r.get(c + "/secondary/supplyTempC"));
      double pri =
          Units.kgPerSecond(r.get(c + "/primary/flowM3h"))
              * CP
              * (r.get(c + "/primary/returnTempC") - r.get(c + "/primary/supplyTempC"));
      assertThat(racksKw).isCloseTo(heat, within(heat * 0.01));
      assertThat(sec).isCloseTo(heat, within(heat * 0.01));
      assertThat(pri).isCloseTo(heat, within(heat * 0.01));
    }
  }

  @Test
  void itPowerLeavesTheCampusAsRejectedOrReusedHeat() {
    for (String start : new String[] {"2026-01-20T04:00:00Z", "2026-07-20T06:00:00Z"}) {
      Map<String, Double> r = lastTick(start);
      double itKw = sum(r, AssetKind.RACK, "/power/powerKw");
      double loopKw = r.get(id("loop-warm-water") + "/heat/heatKw");
      double cduKw = sum(r, AssetKind.CDU, "/heat/heatKw");
      assertThat(loopKw).isCloseTo(cduKw, within(1.0));
      double dryKw = sum(r, AssetKind.DRY_COOLER, "/heat/heatRejectedKw");
      double hpSource = r.get(id("heat-pump") + "/heat/sourceKw");
      double eco = r.get(id("eco-park") + "/heatMeter/thermalPowerKw");
      double chiller = r.get(id("trim-chiller") + "/cooling/coolingKw");
      assertThat(dryKw + hpSource + eco + chiller).as(start).isCloseTo(itKw, within(itKw * 0.005));
    }
  }

  @Test
  void heatPumpDeliversSourceHeatPlusItsPowerAtItsCop() {
    Map<String, Double> r = lastTick("2026-01-20T04:00:00Z");
    String hp = id("heat-pump");
    double delivered = r.get(hp + "/heat/deliveredKw");
    assertThat(delivered).isPositive();
    assertThat(r.get(hp + "/heat/sourceKw") + r.get(hp + "/power/powerKw"))
        .isCloseTo(delivered, within(0.01));
    assertThat(delivered / r.get(hp + "/power/powerKw"))
        .isCloseTo(r.get(hp + "/performance/cop"), within(0.01));
    assertThat(r.get(id("district-heating") + "/heatMeter/thermalPowerKw"))
        .isCloseTo(delivered, within(0.01));
  }

  @Test
  void gridMeterBalancesSiteLoadAgainstPv() {
    Map<String, Double> r = lastTick("2026-05-20T05:00:00Z");
    double facility = sum(r, AssetKind.BUILDING, "/metering/facilityPowerKw");
    double load =
        facility
            + r.get(id("heat-pump") + "/power/powerKw")
            + r.get(id("ev-hub") + "/charging/powerKw");
    double pv = sum(r, AssetKind.PV_INVERTER, "/ac/powerKw");
    String g = id("grid-meter");
    assertThat(r.get(g + "/import/powerKw") - r.get(g + "/export/powerKw"))
        .isCloseTo(load - pv, within(0.05));
    assertThat(pv).isPositive();
  }

  @Test
  void buildingFacilityPowerExceedsItsItPowerWithAPlausiblePue() {
    Map<String, Double> r = lastTick("2026-07-20T06:00:00Z");
    double it = sum(r, AssetKind.BUILDING, "/metering/itPowerKw");
    double facility = sum(r, AssetKind.BUILDING, "/metering/facilityPowerKw");
    assertThat(it).isCloseTo(sum(r, AssetKind.RACK, "/power/powerKw"), within(0.5));
    assertThat(facility / it).isBetween(1.02, 1.15);
  }

  static double sum(Map<String, Double> r, AssetKind kind, String path) {
    return SimRun.CAMPUS.assets().stream()
        .filter(a -> a.kind() == kind)
        .mapToDouble(a -> r.get(a.id() + path))
        .sum();
  }
}
