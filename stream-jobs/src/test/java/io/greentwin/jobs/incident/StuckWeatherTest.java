package io.greentwin.jobs.incident;

import static io.greentwin.jobs.testing.SimulatedCampus.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.testing.FlinkRun;
import io.greentwin.jobs.testing.SimulatedCampus;
import io.greentwin.sim.Fault;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.FaultType;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weather station on a winter night, read every 10 s to the 3 decimals of the sensor format:
 * its air temperature, humidity and wind repeat the same value for minutes in normal weather, and
 * only a value that stays identical for the whole persistence window is a stuck sensor.
 */
class StuckWeatherTest {
  @RegisterExtension static final MiniClusterExtension FLINK = new MiniClusterExtension();

  private static final String NIGHT = "2026-12-04T12:00:00Z"; // 20:00 local, as the bench ran

  private static List<Incident> run(int minutes, FaultPlan faults) throws Exception {
    String station = id("weather-station");
    List<Reading> readings =
        SimulatedCampus.readings(
                7, NIGHT, Duration.ofMinutes(minutes), Duration.ofSeconds(10), faults)
            .stream()
            .filter(r -> r.thingId().equals(station))
            .map(StuckWeatherTest::asEncoded)
            .toList();
    StreamExecutionEnvironment env = FlinkRun.environment(1);
    IncidentStreams out = IncidentJobTest.onDemoCampus(env, readings);
    Map<String, Incident> last = new LinkedHashMap<>();
    FlinkRun.collect(env, out.incidents(), out.patches()).first().forEach(i -> last.put(i.id(), i));
    return List.copyOf(last.values());
  }

  /** The value as a reading carries it: 3 decimals (the simulator's {@code ReadingEncoder}). */
  private static Reading asEncoded(Reading r) {
    return new Reading(
        r.thingId(),
        r.feature(),
        r.property(),
        Math.round(r.value() * 1000) / 1000.0,
        r.unit(),
        r.eventTime(),
        r.seq());
  }

  @Test
  void slowWeatherRepeatingItsValueForMinutesIsNotAStuckSensor() throws Exception {
    List<Reading> sample =
        SimulatedCampus.readings(
                7, NIGHT, Duration.ofMinutes(30), Duration.ofSeconds(10), FaultPlan.NONE)
            .stream()
            .filter(r -> r.thingId().equals(id("weather-station")) && r.property().equals("tempC"))
            .map(StuckWeatherTest::asEncoded)
            .toList();
    // the premise: runs of five or more identical values occur (what raised an incident per minute)
    int longest = 1;
    for (int i = 1, n = 1; i < sample.size(); i++) {
      n = sample.get(i).value() == sample.get(i - 1).value() ? n + 1 : 1;
      longest = Math.max(longest, n);
    }
    assertThat(longest).isGreaterThanOrEqualTo(5);

    assertThat(run(150, FaultPlan.NONE)).isEmpty();
  }

  @Test
  void aWeatherSensorFrozenForLongerThanTheWindowIsOneIncidentUntilItMovesAgain() throws Exception {
    Fault frozen =
        new Fault(
            FaultType.SENSOR_STUCK,
            id("weather-station"),
            null,
            Duration.ofMinutes(20),
            Duration.ofMinutes(90),
            Double.NaN,
            null,
            0);
    List<Incident> incidents = run(150, new FaultPlan(List.of(frozen)));

    List<Incident> stuck =
        incidents.stream().filter(i -> i.type() == IncidentType.SENSOR_STUCK).toList();
    assertThat(stuck).hasSize(1);
    Incident i = stuck.get(0);
    assertThat(i.thingIds()).containsExactly(id("weather-station"));
    Instant start = Instant.parse(NIGHT);
    assertThat(Instant.ofEpochMilli(i.startMs()))
        .isBetween(start.plus(Duration.ofMinutes(18)), start.plus(Duration.ofMinutes(20)));
    assertThat(Instant.ofEpochMilli(i.endMs()))
        .isBetween(start.plus(Duration.ofMinutes(110)), start.plus(Duration.ofMinutes(112)));
    assertThat(i.open()).isFalse();
  }
}
