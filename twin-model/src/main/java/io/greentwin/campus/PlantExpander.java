package io.greentwin.campus;

import static io.greentwin.campus.Assets.attrs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unfolds the plant of a campus config: loops, pumps, coolers, heat recovery, PV, meters. */
final class PlantExpander {
  private final CampusConfig config;
  private final String ns;
  private final String siteId;
  private final Map<AssetKind, List<Assets.Plant>> plant = new LinkedHashMap<>();

  PlantExpander(CampusConfig config, String ns, String siteId) {
    this.config = config;
    this.ns = ns;
    this.siteId = siteId;
  }

  Map<AssetKind, List<Assets.Plant>> expand(List<Assets.Building> buildings) {
    cooling();
    heatRecovery();
    pv(buildings);
    GridConfig g = config.grid();
    add(
        AssetKind.GRID_METER,
        g.meterId(),
        "Grid connection meter",
        Position.ORIGIN,
        attrs("region", g.region(), "factorYear", g.factorYear(), "connectionKw", g.connectionKw()),
        Map.of());
    EvHubConfig ev = config.evHub();
    add(
        AssetKind.EV_HUB,
        ev.id(),
        ev.name(),
        ev.position().toPosition(),
        attrs("chargers", ev.chargers(), "chargerKw", ev.chargerKw()),
        Map.of("isFedBy", ns + g.meterId()));
    WeatherStationConfig ws = config.weatherStation();
    add(
        AssetKind.WEATHER_STATION,
        ws.id(),
        "Weather station",
        ws.position().toPosition(),
        Map.of(),
        Map.of());
    return plant;
  }

  private void cooling() {
    CoolingConfig c = config.cooling();
    CoolingConfig.LoopConfig loop = c.warmWaterLoop();
    String loopId = ns + loop.id();
    add(
        AssetKind.WATER_LOOP,
        loop.id(),
        "Warm-water loop",
        c.pumps().position().toPosition(),
        attrs("supplyTempC", loop.supplyTempC(), "designDeltaTK", loop.designDeltaTK()),
        Map.of());
    add(
        AssetKind.WATER_LOOP,
        config.heatRecovery().loop().id(),
        "Heat-recovery loop",
        config.heatRecovery().heatPump().position().toPosition(),
        Map.of(),
        Map.of("isFedBy", loopId));
    CoolingConfig.PumpGroupConfig p = c.pumps();
    for (int i = 1; i <= p.count(); i++) {
      add(
          AssetKind.PUMP,
          "pump-" + i,
          "Primary pump " + i,
          line(p.position(), i),
          attrs(
              "designFlowM3h", p.designFlowM3h(),
              "designHeadKpa", p.designHeadKpa(),
              "efficiency", p.efficiency()),
          Map.of("feeds", loopId));
    }
    CoolingConfig.DryCoolerGroupConfig d = c.dryCoolers();
    for (int i = 1; i <= d.count(); i++) {
      add(
          AssetKind.DRY_COOLER,
          "dry-cooler-" + i,
          "Dry cooler " + i,
          line(d.position(), i),
          attrs("designHeatKw", d.designHeatKw(), "designFanPowerKw", d.designFanPowerKw()),
          Map.of("isFedBy", loopId));
    }
    CoolingConfig.TrimChillerConfig ch = c.trimChiller();
    add(
        AssetKind.CHILLER,
        ch.id(),
        "Trim chiller",
        ch.position().toPosition(),
        attrs("capacityKw", ch.capacityKw(), "chilledWaterSupplyC", ch.chilledWaterSupplyC()),
        Map.of());
  }

  private void heatRecovery() {
    HeatRecoveryConfig hr = config.heatRecovery();
    String wwLoop = ns + config.cooling().warmWaterLoop().id();
    HeatRecoveryConfig.HeatPumpConfig hp = hr.heatPump();
    add(
        AssetKind.HEAT_PUMP,
        hp.id(),
        "Heat pump",
        hp.position().toPosition(),
        attrs("capacityKw", hp.capacityKw()),
        Map.of("isFedBy", wwLoop, "feeds", ns + hr.districtHeating().id()));
    for (HeatRecoveryConfig.HeatConsumerConfig h : List.of(hr.districtHeating(), hr.ecoPark())) {
      Map<String, Object> a =
          attrs(
              "supplyTempC", h.supplyTempC(),
              "returnTempC", h.returnTempC(),
              "peakDemandKw", h.peakDemandKw());
      if (h.seasonStart() != null) {
        a.put("seasonStart", h.seasonStart());
        a.put("seasonEnd", h.seasonEnd());
      }
      String source = h == hr.districtHeating() ? ns + hp.id() : wwLoop;
      add(
          AssetKind.HEAT_EXPORT,
          h.id(),
          h.name(),
          h.position().toPosition(),
          a,
          Map.of("isFedBy", source));
    }
  }

  private void pv(List<Assets.Building> buildings) {
    PvDefaultsConfig d = config.pvDefaults();
    for (PvArrayConfig a : config.pv()) {
      Position pos = pvPosition(a, buildings);
      double ratio = a.dcAcRatio() == null ? d.dcAcRatio() : a.dcAcRatio();
      add(
          AssetKind.PV_ARRAY,
          a.id(),
          "PV array " + a.id(),
          pos,
          attrs(
              "arrayKind", a.kind(),
              "dcKw", a.dcKw(),
              "acKw", a.dcKw() / ratio,
              "tiltDeg", a.tiltDeg(),
              "azimuthDeg", a.azimuthDeg(),
              "inverters", a.inverters()),
          Map.of());
      for (int i = 1; i <= a.inverters(); i++) {
        add(
            AssetKind.PV_INVERTER,
            a.id() + String.format("-inv%02d", i),
            "Inverter " + i + " of " + a.id(),
            pos.plus((i - 1) * 1.5, -2, 0),
            attrs("acKw", a.dcKw() / ratio / a.inverters()),
            Map.of("isFedBy", ns + a.id(), "feeds", ns + config.grid().meterId()));
      }
    }
  }

  private Position pvPosition(PvArrayConfig a, List<Assets.Building> buildings) {
    if (a.building() == null) {
      return a.position().toPosition();
    }
    Assets.Building b =
        buildings.stream().filter(x -> x.id().equals(ns + a.building())).findFirst().orElseThrow();
    Position onRoof = b.position().plus(0, 0, b.size().z());
    return a.position() == null ? onRoof : onRoof.plus(a.position().toPosition());
  }

  private void add(
      AssetKind kind,
      String local,
      String name,
      Position pos,
      Map<String, Object> attributes,
      Map<String, String> relations) {
    plant
        .computeIfAbsent(kind, k -> new ArrayList<>())
        .add(
            new Assets.Plant(
                ns + local, kind, name, siteId, pos, Size.NONE, attributes, relations));
  }

  private static Position line(PlanPosition start, int i) {
    return start.toPosition().plus((i - 1) * Layout.UNIT_SPACING_M, 0, 0);
  }
}
