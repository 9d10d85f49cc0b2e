package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.PointSpec;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.testing.TestCampus;
import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingSink;
import io.greentwin.sim.SensorPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Validation against the campus: the physical bounds must pass everything the plant can do. */
class ReadingValidatorTest {
  private final ReadingValidator validator = new ReadingValidator(TestCampus.catalogue());

  @Test
  void everySimulatedReadingOfAWinterAndASummerDayIsValid() {
    Map<String, String> problems = new TreeMap<>();
    for (String start : new String[] {"2026-01-15T00:00:00Z", "2026-07-15T00:00:00Z"}) {
      SimulatorSpec day =
          new SimulatorSpec(
              TestCampus.YAML,
              null,
              3,
              Instant.parse(start),
              Duration.ofDays(1),
              Duration.ofMinutes(90),
              0);
      day.simulator(TestCampus.campus())
          .runAll(
              new ReadingSink() {
                @Override
                public void accept(SensorPoint p, double value, long timeMs, long seq) {
                  // As on the wire: 3 decimals (ReadingEncoder).
                  double wire = Math.round(value * 1000) / 1000.0;
                  Reading r =
                      new Reading(
                          p.thingId(),
                          p.feature(),
                          p.property(),
                          wire,
                          p.unit().ucum(),
                          Instant.ofEpochMilli(timeMs),
                          seq);
                  validator.problem(r).ifPresent(why -> problems.putIfAbsent(r.sensorKey(), why));
                }

                @Override
                public void acceptMalformed(String raw) {}
              });
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPointOfEveryKindHasBoundsThatSayWhy() {
    for (AssetKind kind : AssetKind.values()) {
      for (PointSpec p : kind.points()) {
        PhysicalBounds.Range r = PhysicalBounds.of(p);
        assertThat(r.min()).as(p.path()).isLessThan(r.max());
        assertThat(r.why()).as(p.path()).isNotBlank();
      }
    }
  }

  @Test
  void namesTheProblemWithAStableCode() {
    String rack = TestCampus.campus().thingId("b1-h1-r01-k01");
    Instant t = Instant.parse("2026-06-21T10:00:00Z");
    assertThat(code(new Reading("greentwin.xianghe:nope", "power", "powerKw", 1, "kW", t, 1)))
        .contains("unknown-thing");
    assertThat(code(new Reading(rack, "power", "powerW", 1, "W", t, 1))).contains("unknown-point");
    assertThat(code(new Reading(rack, "power", "powerKw", 1, "W", t, 1))).contains("unit-mismatch");
    assertThat(code(new Reading(rack, "coolant", "supplyTempC", 151, "Cel", t, 1)))
        .contains("impossible-value");
    assertThat(code(new Reading(rack, "coolant", "supplyTempC", 149, "Cel", t, 1))).isEmpty();
  }

  private Optional<String> code(Reading r) {
    return validator.problem(r).map(p -> p.substring(0, p.indexOf(':')));
  }
}
