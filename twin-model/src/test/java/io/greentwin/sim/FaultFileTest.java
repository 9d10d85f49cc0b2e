package io.greentwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path f = dir.resolve("faults.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void readsEquipmentAndSensorFaultsWithLocalOrFullIds() throws Exception {
    Path f =
        write(
            """
        faults:
          - type: pump-failure
            target: pump-1
            start: 10m
            duration: 5m
            magnitude: 120
          - type: sensor-clock-skew
            target: greentwin.xianghe:b1-h1-r01-k01
            point: coolant/supplyTempC
            start: 1h
            duration: 30s
            skew: -45s
        """);
    FaultPlan plan = new FaultFile().load(f, SimRun.CAMPUS);
    Fault pump = plan.equipment(FaultType.PUMP_FAILURE, SimRun.id("pump-1"), 11 * 60_000);
    assertThat(pump).isNotNull();
    assertThat(pump.magnitude()).isEqualTo(120);
    assertThat(plan.equipment(FaultType.PUMP_FAILURE, SimRun.id("pump-1"), 16 * 60_000)).isNull();
    assertThat(plan.sensorFaults())
        .singleElement()
        .satisfies(s -> assertThat(s.skew()).isEqualTo(Duration.ofSeconds(-45)));
  }

  @Test
  void reportsEveryBadEntryWithFileIndexFieldAndWhatIsAllowed() throws Exception {
    Path f =
        write(
            """
        faults:
          - type: pump-explosion
            target: pump-1
            start: 1m
            duration: 1m
          - type: pump-failure
            target: dry-cooler-1
            start: 1m
            duration: 1m
          - type: cdu-valve-stuck
            target: b1-h1-cdu1
            start: soon
            duration: 1m
          - type: sensor-spike
            target: nowhere
            start: 1m
            duration: 1m
        """);
    assertThatThrownBy(() -> new FaultFile().load(f, SimRun.CAMPUS))
        .isInstanceOfSatisfying(
            GreenTwinException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.FAULTS_INVALID);
              assertThat(e.getMessage())
                  .contains(f + ": faults[0].type: unknown fault type 'pump-explosion'; allowed: ")
                  .contains(
                      "faults[1].target: 'dry-cooler-1' is a DRY_COOLER; pump-failure needs a PUMP")
                  .contains("faults[2].start: 'soon' is not a duration")
                  .contains("faults[3].target: no thing 'nowhere'");
            });
  }
}
