package io.greentwin.jobs.incident;

import static io.greentwin.jobs.testing.SimulatedCampus.DEMO;
import static io.greentwin.jobs.testing.SimulatedCampus.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.testing.FlinkRun;
import io.greentwin.jobs.testing.SimulatedCampus;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Fault;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.FaultType;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each incident pattern against the simulator's fault injection on the demo campus, and the same
 * periods without faults, which must raise nothing. A winter late morning (PV in sun, heat pump
 * feeding district heating) carries one fault after another; a hot summer afternoon carries the
 * dry-cooler failure that pushes the coolant over its class.
 */
class IncidentJobTest {
  @RegisterExtension static final MiniClusterExtension FLINK = new MiniClusterExtension();

  private static final String WINTER = "2026-01-15T03:00:00Z"; // 11:00 local
  private static final String SUMMER = "2026-07-15T06:00:00Z"; // 14:00 local

  private static Result winter;
  private static Result winterClean;
  private static Result summer;
  private static Result summerClean;

  private record Result(List<Incident> incidents, List<TwinPatch> patches) {
    /** The last version of each incident, by id. */
    Map<String, Incident> last() {
      Map<String, Incident> out = new LinkedHashMap<>();
      incidents.forEach(i -> out.put(i.id(), i));
      return out;
    }

    List<Incident> ofType(IncidentType type) {
      return last().values().stream().filter(i -> i.type() == type).toList();
    }
  }

  @BeforeAll
  static void runFaultyAndCleanPeriods() throws Exception {
    // Faults in different incident groups overlap; the two in the cooling loop do not.
    winter =
        run(
            WINTER,
            60,
            fault(FaultType.PUMP_FAILURE, "pump-1", 6, 10, 180),
            fault(FaultType.PV_INVERTER_TRIP, "pv-ground-south-inv05", 6, 10, Double.NaN),
            fault(FaultType.SENSOR_STUCK, "b1-h1-r03-k05", 8, 8, Double.NaN),
            fault(FaultType.CDU_VALVE_STUCK, "b2-h2-cdu2", 22, 15, Double.NaN),
            fault(FaultType.HEAT_PUMP_TRIP, "heat-pump", 25, 15, Double.NaN),
            fault(FaultType.SENSOR_DROPOUT, "weather-station", 45, 8, Double.NaN));
    winterClean = run(WINTER, 60);
    List<Fault> coolers = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      coolers.add(fault(FaultType.DRY_COOLER_FAN_FAILURE, "dry-cooler-" + i, 8, 15, Double.NaN));
    }
    summer = run(SUMMER, 45, coolers.toArray(new Fault[0]));
    summerClean = run(SUMMER, 45);
  }

  private static Result run(String start, int minutes, Fault... faults) throws Exception {
    var readings =
        SimulatedCampus.readings(
            7,
            start,
            Duration.ofMinutes(minutes),
            Duration.ofMinutes(1),
            new FaultPlan(List.of(faults)));
    StreamExecutionEnvironment env = FlinkRun.environment(2);
    IncidentStreams out = onDemoCampus(env, readings);
    var both = FlinkRun.collect(env, out.incidents(), out.patches());
    both.first()
        .forEach(
            i ->
                System.out.printf(
                    "INCIDENT %s %s-%s open=%s things=%d %s | %s%n",
                    i.id(),
                    Instant.ofEpochMilli(i.startMs()),
                    Instant.ofEpochMilli(i.endMs()),
                    i.open(),
                    i.thingIds().size(),
                    i.thingIds().subList(0, Math.min(4, i.thingIds().size())),
                    i.summary()));
    return new Result(both.first(), both.second());
  }

  /** The incident job with its default thresholds over simulated readings of the demo campus. */
  static IncidentStreams onDemoCampus(StreamExecutionEnvironment env, List<Reading> readings) {
    return IncidentJob.attach(
        SimulatedCampus.perSensor(
            env.fromData(readings).assignTimestampsAndWatermarks(SimulatedCampus.watermarks())),
        DEMO,
        IncidentConfig.of(DEMO));
  }

  private static Fault fault(
      FaultType type, String target, int fromMin, int forMin, double magnitude) {
    return new Fault(
        type,
        id(target),
        null,
        Duration.ofMinutes(fromMin),
        Duration.ofMinutes(forMin),
        magnitude,
        null,
        0);
  }

  private static Instant at(String start, int minutes) {
    return Instant.parse(start).plus(Duration.ofMinutes(minutes));
  }

  /** The one incident of a type in a result, after its last change. */
  private static Incident only(Result r, IncidentType type) {
    List<Incident> list = r.ofType(type);
    assertThat(list).as("%s incidents", type).hasSize(1);
    return list.get(0);
  }

  private static Incident flowLossAbout(String main) {
    return winter.ofType(IncidentType.COOLANT_FLOW_LOSS).stream()
        .filter(x -> x.mainThingId().equals(id(main)))
        .findFirst()
        .orElseThrow();
  }

  private static void assertWindow(Incident i, String start, int fromMin, int toMin) {
    assertThat(Instant.ofEpochMilli(i.startMs())).isEqualTo(at(start, fromMin));
    assertThat(Instant.ofEpochMilli(i.endMs())).isEqualTo(at(start, toMin));
    assertThat(i.open()).isFalse();
    assertThat(i.replayFromMs()).isEqualTo(i.startMs() - Duration.ofMinutes(10).toMillis());
    assertThat(i.replayToMs()).isEqualTo(i.endMs() + Duration.ofMinutes(10).toMillis());
  }

  private static List<String> racksFedBy(String cdu) {
    return DEMO.racks().stream().filter(r -> r.cduId().equals(id(cdu))).map(r -> r.id()).toList();
  }

  @Test
  void faultFreePeriodsRaiseNoIncident() {
    assertThat(winterClean.incidents()).isEmpty();
    assertThat(summerClean.incidents()).isEmpty();
  }

  @Test
  void eachInjectedFaultRaisesItsIncidentsAndNothingElse() {
    assertThat(winter.last().keySet())
        .containsExactlyInAnyOrder(
            "coolant-flow-loss-20260115T030600Z-pump-1",
            "pv-inverter-trip-20260115T030600Z-pv-ground-south",
            "sensor-stuck-20260115T030800Z-b1-h1-r03-k05",
            "coolant-flow-loss-20260115T032200Z-b2-h2-cdu2",
            "rack-inlet-out-of-range-20260115T032500Z-b2-h2",
            "heat-export-shortfall-20260115T032500Z-district-heating",
            "sensor-silent-20260115T034500Z-weather-station");
    assertThat(summer.last().keySet())
        .containsExactly("coolant-over-class-20260715T060800Z-loop-warm-water");
    assertThat(winter.last().values()).allSatisfy(i -> assertThat(i.open()).isFalse());
  }

  @Test
  void dutyPumpTripIsAFlowLossFollowedByCoolantRiseAcrossTheLoop() {
    Incident i = flowLossAbout("pump-1");
    // The pump trips at 6 min; the standby pump restores the flow 3 min later, and the tripped
    // pump's own flow loss lasts until it is back at 16 min.
    assertWindow(i, WINTER, 6, 16);
    assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(i.thingIds().get(0)).isEqualTo(id("pump-1"));
    assertThat(i.thingIds()).contains(id("loop-warm-water"));
    for (var cdu : DEMO.cdus()) {
      assertThat(i.thingIds()).contains(cdu.id());
    }
    assertThat(i.thingIds()).doesNotContain(id("pump-2"), id("pump-3"));
    assertThat(i.summary()).contains("pump-1").contains("then");
  }

  @Test
  void stuckValveIsAFlowLossAtItsCduWithOnlyItsRacksInvolved() {
    Incident i = flowLossAbout("b2-h2-cdu2");
    assertThat(Instant.ofEpochMilli(i.startMs())).isEqualTo(at(WINTER, 22));
    // The valve frees at 37 min; the racks' coolant takes a few minutes to cool back down.
    assertThat(Instant.ofEpochMilli(i.endMs())).isBetween(at(WINTER, 37), at(WINTER, 47));
    List<String> racks = racksFedBy("b2-h2-cdu2");
    assertThat(i.thingIds()).first().isEqualTo(id("b2-h2-cdu2"));
    assertThat(i.thingIds().subList(1, i.thingIds().size()))
        .containsExactlyInAnyOrderElementsOf(racks);
  }

  @Test
  void starvedRacksAboveTheAllowableInletRangeAreOneIncidentOfTheirHall() {
    Incident i = only(winter, IncidentType.RACK_INLET_OUT_OF_RANGE);
    assertThat(i.mainThingId()).isEqualTo(id("b2-h2"));
    assertThat(Instant.ofEpochMilli(i.startMs())).isBetween(at(WINTER, 23), at(WINTER, 27));
    assertThat(Instant.ofEpochMilli(i.endMs())).isBetween(at(WINTER, 37), at(WINTER, 42));
    assertThat(i.thingIds().subList(1, i.thingIds().size()))
        .isNotEmpty()
        .isSubsetOf(racksFedBy("b2-h2-cdu2"));
    assertThat(i.summary()).contains("A2 allowable 10–35 °C");
  }

  @Test
  void coolantAboveItsWaterClassWhenEveryDryCoolerFailsOnAHotAfternoon() {
    Incident i = only(summer, IncidentType.COOLANT_OVER_CLASS);
    assertThat(i.mainThingId()).isEqualTo(id("loop-warm-water"));
    assertThat(Instant.ofEpochMilli(i.startMs())).isEqualTo(at(SUMMER, 8));
    // Fans back at 23 min; the loop needs a while to cool under 45.5 °C again.
    assertThat(Instant.ofEpochMilli(i.endMs())).isBetween(at(SUMMER, 24), at(SUMMER, 40));
    for (var cdu : DEMO.cdus()) {
      assertThat(i.thingIds()).contains(cdu.id());
    }
    assertThat(i.summary()).contains("W45");
  }

  @Test
  void inverterTripInSunshine() {
    Incident i = only(winter, IncidentType.PV_INVERTER_TRIP);
    assertThat(i.mainThingId()).isEqualTo(id("pv-ground-south"));
    assertThat(i.thingIds()).containsExactly(id("pv-ground-south"), id("pv-ground-south-inv05"));
    assertWindow(i, WINTER, 6, 16);
  }

  @Test
  void stuckSensorFromItsFirstRepeatedValueUntilItMovesAgain() {
    Incident i = only(winter, IncidentType.SENSOR_STUCK);
    assertThat(i.thingIds()).containsExactly(id("b1-h1-r03-k05"));
    assertWindow(i, WINTER, 8, 16);
  }

  @Test
  void silentSensorFromItsFirstMissedReadingUntilItReportsAgain() {
    Incident i = only(winter, IncidentType.SENSOR_SILENT);
    assertThat(i.thingIds()).containsExactly(id("weather-station"));
    assertWindow(i, WINTER, 45, 53);
  }

  @Test
  void heatPumpTripLeavesDistrictHeatingShortOfTheOffer() {
    Incident i = only(winter, IncidentType.HEAT_EXPORT_SHORTFALL);
    assertThat(i.thingIds()).containsExactly(id("district-heating"), id("heat-pump"));
    assertWindow(i, WINTER, 25, 40);
  }

  @Test
  void aPumpTripIsWrittenOpenFirstThenGrowsThenCloses() {
    String thing = DEMO.namespace() + ":incident-" + flowLossAbout("pump-1").id();
    List<TwinPatch> patches =
        winter.patches().stream().filter(p -> p.thingId().equals(thing)).toList();
    assertThat(patches.size()).isGreaterThanOrEqualTo(2);
    assertThat(patches.get(0).json()).contains("\"open\":true").contains("\"end\":null");
    assertThat(patches.get(patches.size() - 1).json()).contains("\"open\":false");
  }

  @Test
  void incidentsAreTwinsWrittenWholeWhenTheyOpenGrowAndClose() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (Incident i : winter.last().values()) {
      String thing = DEMO.namespace() + ":incident-" + i.id();
      List<TwinPatch> patches =
          winter.patches().stream().filter(p -> p.thingId().equals(thing)).toList();
      // An incident known only once it was over (a silence seen when the sensor spoke again)
      // is written once, closed; the others first open, then closed.
      assertThat(patches).isNotEmpty();
      assertThat(patches).allSatisfy(p -> assertThat(p.replace()).isTrue());
      assertThat(patches).allSatisfy(p -> assertThat(p.path()).isEqualTo("/"));
      var first = json.readTree(patches.get(0).json());
      assertThat(first.get("thingId").asText()).isEqualTo(thing);
      assertThat(first.get("definition").asText()).isEqualTo("greentwin:Incident:1");
      if (patches.size() > 1) {
        assertThat(first.at("/attributes/open").asBoolean()).isTrue();
        assertThat(first.at("/attributes/end").isNull()).isTrue();
      }
      var last = json.readTree(patches.get(patches.size() - 1).json()).get("attributes");
      assertThat(last.get("open").asBoolean()).isFalse();
      assertThat(last.get("type").asText()).isEqualTo(i.type().id());
      assertThat(last.get("severity").asText()).isEqualTo(i.severity().name().toLowerCase());
      assertThat(last.get("start").asText())
          .isEqualTo(Instant.ofEpochMilli(i.startMs()).toString());
      assertThat(last.get("end").asText()).isEqualTo(Instant.ofEpochMilli(i.endMs()).toString());
      assertThat(last.get("replayFrom").asText())
          .isEqualTo(Instant.ofEpochMilli(i.replayFromMs()).toString());
      assertThat(last.get("replayTo").asText())
          .isEqualTo(Instant.ofEpochMilli(i.replayToMs()).toString());
      assertThat(last.get("things").size()).isEqualTo(i.thingIds().size());
      assertThat(last.get("summary").asText()).isEqualTo(i.summary());
    }
  }
}
