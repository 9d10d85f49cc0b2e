package io.greentwin.campus;

import java.util.List;

/** A building with its halls. */
public record BuildingConfig(
    String id, String name, PlanPosition position, Size sizeM, List<HallConfig> halls) {
  public BuildingConfig {
    halls = List.copyOf(halls);
  }
}
