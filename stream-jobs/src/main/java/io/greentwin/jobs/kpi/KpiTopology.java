package io.greentwin.jobs.kpi;

import io.greentwin.campus.Asset;
import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Assets;
import io.greentwin.campus.Campus;
import io.greentwin.campus.PointSpec;
import io.greentwin.jobs.sync.SensorMap;
import io.greentwin.sim.Reading;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the campus the KPI job needs, small and serialisable: which sensor points feed which
 * KPI input (from {@link AssetKind}'s points), and the containment of halls in buildings in the
 * site (from the assets' parents). Rack power counts at the rack's hall (rack → row → hall); the
 * building meters at their building; the central plant, heat meters and PV at the site.
 */
final class KpiTopology implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Which point of which kind is which quantity, and whether it counts at the hall. */
  private static final Map<String, Quantity> POINTS =
      Map.ofEntries(
          Map.entry(key(AssetKind.RACK, "power", "powerKw"), Quantity.IT),
          Map.entry(key(AssetKind.BUILDING, "metering", "itPowerKw"), Quantity.IT),
          Map.entry(key(AssetKind.BUILDING, "metering", "facilityPowerKw"), Quantity.FACILITY),
          Map.entry(key(AssetKind.PUMP, "power", "powerKw"), Quantity.COOLING),
          Map.entry(key(AssetKind.DRY_COOLER, "power", "powerKw"), Quantity.COOLING),
          Map.entry(key(AssetKind.CHILLER, "power", "powerKw"), Quantity.COOLING),
          Map.entry(
              key(AssetKind.DRY_COOLER, "heat", "heatRejectedKw"), Quantity.FREE_COOLING_HEAT),
          Map.entry(
              key(AssetKind.CHILLER, "cooling", "coolingKw"), Quantity.MECHANICAL_COOLING_HEAT),
          Map.entry(key(AssetKind.DRY_COOLER, "spray", "waterLph"), Quantity.WATER),
          Map.entry(key(AssetKind.HEAT_PUMP, "power", "powerKw"), Quantity.HEAT_PUMP),
          Map.entry(
              key(AssetKind.HEAT_EXPORT, "heatMeter", "thermalPowerKw"), Quantity.HEAT_EXPORTED),
          Map.entry(key(AssetKind.PV_INVERTER, "ac", "powerKw"), Quantity.PV_AC),
          Map.entry(key(AssetKind.EV_HUB, "charging", "pvPowerKw"), Quantity.EV_PV));

  private final String siteId;
  private final SensorMap<KpiInput> bySensor;
  private final Map<String, String> buildingOfHall;
  private final List<String> buildings;

  private KpiTopology(
      String siteId,
      SensorMap<KpiInput> bySensor,
      Map<String, String> buildingOfHall,
      List<String> buildings) {
    this.siteId = siteId;
    this.bySensor = bySensor;
    this.buildingOfHall = buildingOfHall;
    this.buildings = buildings;
  }

  /** The KPI inputs and hierarchy of a campus. */
  static KpiTopology of(Campus campus) {
    Map<String, String> rowHall = new HashMap<>();
    campus.rows().forEach(r -> rowHall.put(r.id(), r.parentId()));
    SensorMap<KpiInput> bySensor = new SensorMap<>();
    for (Asset a : campus.assets()) {
      if (a.kind() == AssetKind.SERVER) {
        continue;
      }
      String level = levelOf(a, campus.site().id(), rowHall);
      for (PointSpec p : a.kind().points()) {
        Quantity q = POINTS.get(key(a.kind(), p.feature(), p.property()));
        if (q != null) {
          bySensor.put(a.id(), p.feature(), p.property(), new KpiInput(level, q));
        }
      }
    }
    Map<String, String> buildingOfHall = new LinkedHashMap<>();
    for (Assets.Hall h : campus.halls()) {
      buildingOfHall.put(h.id(), h.parentId());
    }
    List<String> buildings = new ArrayList<>();
    campus.buildings().forEach(b -> buildings.add(b.id()));
    return new KpiTopology(campus.site().id(), bySensor, buildingOfHall, List.copyOf(buildings));
  }

  private static String levelOf(Asset a, String siteId, Map<String, String> rowHall) {
    return switch (a.kind()) {
      case RACK -> rowHall.get(a.parentId());
      case BUILDING, HALL -> a.id();
      default -> siteId;
    };
  }

  private static String key(AssetKind kind, String feature, String property) {
    return kind + " " + feature + "/" + property;
  }

  /** The KPI input a reading's sensor feeds, or null. */
  KpiInput input(Reading r) {
    return bySensor.get(r);
  }

  /** The site's thing id. */
  String siteId() {
    return siteId;
  }

  /** The buildings' thing ids, in campus order. */
  List<String> buildings() {
    return buildings;
  }

  /** The halls' thing ids, in campus order, with the building each is in. */
  Map<String, String> buildingOfHall() {
    return buildingOfHall;
  }
}
