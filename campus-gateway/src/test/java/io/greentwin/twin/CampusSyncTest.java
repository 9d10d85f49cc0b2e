package io.greentwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampusSyncTest {
  private static final Path CONFIG =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml");

  @TempDir Path dir;

  @Test
  void createsEveryTwinOnceThenChangesNothingAndKeepsSensorValues() {
    Campus campus = new CampusLoader().loadCampus(CONFIG);
    TwinService twins = new InMemoryTwinService(Clock.systemUTC());
    CampusSync.Result first = CampusSync.sync(twins, campus);
    assertThat(first.created()).isEqualTo(campus.count());
    ThingId rack = ThingId.of("greentwin.xianghe:b1-h1-r01-k01");
    JsonPointer supply = JsonPointer.of("/features/coolant/properties/supplyTempC");
    twins.write(TwinWrite.put(rack, supply, JsonValue.of(47.5), "sensor")).join();
    long revision = twins.get(rack).orElseThrow().getRevision().orElseThrow().toLong();

    CampusSync.Result second = CampusSync.sync(twins, campus);
    assertThat(second).isEqualTo(new CampusSync.Result(0, 0, campus.count()));
    assertThat(twins.get(rack).orElseThrow().getRevision().orElseThrow().toLong())
        .isEqualTo(revision);
    assertThat(twins.get(rack).orElseThrow().toJson().getValue(supply))
        .contains(JsonValue.of(47.5));
  }

  @Test
  void aChangedConfigUpdatesAttributesButKeepsPropertyValues() throws Exception {
    Campus campus = new CampusLoader().loadCampus(CONFIG);
    TwinService twins = new InMemoryTwinService(Clock.systemUTC());
    CampusSync.sync(twins, campus);
    ThingId pump = ThingId.of("greentwin.xianghe:pump-1");
    JsonPointer flow = JsonPointer.of("/features/hydraulics/properties/flowM3h");
    twins.write(TwinWrite.put(pump, flow, JsonValue.of(210.0), "sensor")).join();
    Path changed = dir.resolve("campus.yaml");
    Files.writeString(
        changed, Files.readString(CONFIG).replace("designFlowM3h: 300", "designFlowM3h: 320"));
    CampusSync.Result r = CampusSync.sync(twins, new CampusLoader().loadCampus(changed));
    assertThat(r.updated()).isEqualTo(3);
    assertThat(
            twins.get(pump).orElseThrow().getAttributes().orElseThrow().getValue("designFlowM3h"))
        .contains(JsonValue.of(320.0));
    assertThat(twins.get(pump).orElseThrow().toJson().getValue(flow)).contains(JsonValue.of(210.0));
  }
}
