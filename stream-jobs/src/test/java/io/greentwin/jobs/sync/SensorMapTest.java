package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.sim.Reading;
import java.time.Instant;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class SensorMapTest {
  private static Reading reading(String thing, String feature, String property) {
    return new Reading(thing, feature, property, 1.0, "kW", Instant.EPOCH, 1);
  }

  @Test
  void findsASensorByItsReadingAndByItsKeyAndNothingElse() throws Exception {
    SensorMap<String> map = new SensorMap<>();
    map.put("ns:pump-1", "hydraulics", "flowM3h", "flow");
    map.put("ns:pump-1", "power", "powerKw", "power");
    map.put("ns:cdu-1", "primary", "flowM3h", "cdu flow");

    assertThat(map.get(reading("ns:pump-1", "hydraulics", "flowM3h"))).isEqualTo("flow");
    assertThat(map.get(reading("ns:pump-1", "power", "powerKw"))).isEqualTo("power");
    assertThat(map.get(reading("ns:cdu-1", "primary", "flowM3h"))).isEqualTo("cdu flow");
    assertThat(map.get(reading("ns:pump-1", "power", "flowM3h"))).isNull();
    assertThat(map.get(reading("ns:pump-1", "hydraulics/flowM3h", ""))).isNull();
    assertThat(map.get(reading("ns:server-1", "power", "powerKw"))).isNull();
    assertThat(map.get("ns:pump-1/power/powerKw")).isEqualTo("power");
    assertThat(map.get(reading("ns:pump-1", "power", "powerKw").sensorKey())).isEqualTo("power");

    SensorMap<String> copy =
        InstantiationUtil.clone(map, SensorMapTest.class.getClassLoader()); // shipped with the job
    assertThat(copy.get(reading("ns:cdu-1", "primary", "flowM3h"))).isEqualTo("cdu flow");
  }
}
