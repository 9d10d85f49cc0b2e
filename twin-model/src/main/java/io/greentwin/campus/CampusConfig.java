package io.greentwin.campus;

import java.util.List;

/**
 * The campus as described in {@code config/campus.yaml}: compact templates (a hall is rows x racks
 * x servers) that {@link CampusExpander} unfolds into every asset. Loaded and validated by {@link
 * CampusLoader}.
 */
public record CampusConfig(
    SiteConfig site,
    GridConfig grid,
    String dcBoundary,
    List<ServerModelConfig> serverModels,
    List<WorkloadProfileConfig> workloadProfiles,
    List<BuildingConfig> buildings,
    CoolingConfig cooling,
    HeatRecoveryConfig heatRecovery,
    List<PvArrayConfig> pv,
    PvDefaultsConfig pvDefaults,
    EvHubConfig evHub,
    WeatherStationConfig weatherStation) {

  public CampusConfig {
    serverModels = List.copyOf(serverModels);
    workloadProfiles = List.copyOf(workloadProfiles);
    buildings = List.copyOf(buildings);
    pv = pv == null ? List.of() : List.copyOf(pv);
  }

  /** The server model with this id, or null. */
  public ServerModelConfig serverModel(String id) {
    return serverModels.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
  }

  /** The workload profile with this id, or null. */
  public WorkloadProfileConfig workloadProfile(String id) {
    return workloadProfiles.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
  }
}
