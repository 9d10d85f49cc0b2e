package io.greentwin.campus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampusExpanderTest {
  static Path demoConfig() {
    return Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml");
  }

  @Test
  void demoCampusHasAtLeastFiveThousandUniqueThings() {
    Campus campus = new CampusLoader().loadCampus(demoConfig());
    assertThat(campus.count()).isGreaterThanOrEqualTo(5000);
    Set<String> ids = new HashSet<>();
    campus.assets().forEach(a -> ids.add(a.id()));
    assertThat(ids).hasSize(campus.count());
  }

  @Test
  void everyRackIsCooledByACduOfItsOwnHall() {
    Campus campus = new CampusLoader().loadCampus(demoConfig());
    for (Assets.Rack rack : campus.racks()) {
      Assets.Cdu cdu = campus.cdus().get(rack.cduIndex());
      assertThat(cdu.id()).isEqualTo(rack.cduId());
      assertThat(cdu.hallIndex()).isEqualTo(rack.hallIndex());
    }
  }

  @Test
  void serversSitInsideTheirRack() {
    Campus campus = new CampusLoader().loadCampus(demoConfig());
    for (Assets.Server s : campus.servers()) {
      Assets.Rack rack = campus.racks().get(s.rackIndex());
      assertThat(s.parentId()).isEqualTo(rack.id());
      assertThat(s.position().zM() + s.size().z()).isLessThanOrEqualTo(Layout.RACK_HEIGHT_M);
      assertThat(s.position().xM()).isEqualTo(rack.position().xM());
    }
  }
}
