package io.greentwin.campus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expanded campus: every asset, in stable order, with typed lists for the IT hierarchy and the
 * plant grouped by kind. Immutable; built by {@link CampusExpander}.
 */
public record Campus(
    CampusConfig config,
    Assets.Site site,
    List<Assets.Building> buildings,
    List<Assets.Hall> halls,
    List<Assets.Row> rows,
    List<Assets.Rack> racks,
    List<Assets.Server> servers,
    List<Assets.Cdu> cdus,
    Map<AssetKind, List<Assets.Plant>> plant) {

  public Campus {
    buildings = List.copyOf(buildings);
    halls = List.copyOf(halls);
    rows = List.copyOf(rows);
    racks = List.copyOf(racks);
    servers = List.copyOf(servers);
    cdus = List.copyOf(cdus);
    Map<AssetKind, List<Assets.Plant>> copy = new LinkedHashMap<>();
    plant.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    plant = Collections.unmodifiableMap(copy);
  }

  /** The Ditto namespace of every thing of this campus. */
  public String namespace() {
    return config.site().namespace();
  }

  /** The thing id for a local asset name. */
  public String thingId(String name) {
    return namespace() + ":" + name;
  }

  /** The plant assets of one kind, in config order (empty when none). */
  public List<Assets.Plant> plant(AssetKind kind) {
    return plant.getOrDefault(kind, List.of());
  }

  /** The single plant asset of a kind (loops excepted), e.g. the heat pump. */
  public Assets.Plant single(AssetKind kind) {
    List<Assets.Plant> list = plant(kind);
    if (list.size() != 1) {
      throw new IllegalStateException("expected one " + kind + " but found " + list.size());
    }
    return list.get(0);
  }

  /** Every asset: site, buildings, halls, rows, racks, servers, CDUs, then the plant by kind. */
  public List<Asset> assets() {
    List<Asset> all = new ArrayList<>(count());
    all.add(site);
    all.addAll(buildings);
    all.addAll(halls);
    all.addAll(rows);
    all.addAll(racks);
    all.addAll(servers);
    all.addAll(cdus);
    plant.values().forEach(all::addAll);
    return all;
  }

  /** The number of assets (= things). */
  public int count() {
    int n = 1 + buildings.size() + halls.size() + rows.size() + racks.size();
    n += servers.size() + cdus.size();
    for (List<Assets.Plant> list : plant.values()) {
      n += list.size();
    }
    return n;
  }
}
