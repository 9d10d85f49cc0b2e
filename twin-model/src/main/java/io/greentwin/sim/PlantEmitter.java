package io.greentwin.sim;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Assets;
import io.greentwin.campus.Campus;
import io.greentwin.campus.HeatRecoveryConfig;
import io.greentwin.physics.DryCoolerState;
import io.greentwin.physics.WaterLoop;
import io.greentwin.units.Units;
import io.greentwin.units.Water;
import io.greentwin.weather.WeatherSample;
import java.util.List;

/** Readings of the central plant, PV, meters and the weather station. */
final class PlantEmitter {
  /** Latent heat of vaporisation of water near 25 °C, 2,442 kJ/kg (steam tables, IAPWS-IF97). */
  static final double LATENT_HEAT_KJ_PER_KG = 2442;

  /** Ambient above which dry coolers pre-cool their air with adiabatic spray, °C (assumed). */
  static final double SPRAY_ABOVE_C = 30;

  /** Share of rejected heat carried by evaporation while spraying (assumed). */
  static final double SPRAY_HEAT_SHARE = 0.15;

  private final Campus campus;
  private final SensorPoints points;
  private final CduLoop cdus;
  private final HeatPlant heat;
  private final SolarPlant solar;
  private final SiteMeters site;

  PlantEmitter(
      Campus campus,
      SensorPoints points,
      CduLoop cdus,
      HeatPlant heat,
      SolarPlant solar,
      SiteMeters site) {
    this.campus = campus;
    this.points = points;
    this.cdus = cdus;
    this.heat = heat;
    this.solar = solar;
    this.site = site;
  }

  void emit(ReadingEmitter out, WeatherSample w) {
    pumps(out);
    loops(out);
    dryCoolers(out, w.airTempC());
    chillerAndHeatPump(out);
    heatExports(out);
    pv(out);
    meters(out, w);
  }

  private int base(Assets.Plant p) {
    return points.first(p.id());
  }

  private void pumps(ReadingEmitter out) {
    List<Assets.Plant> pumps = campus.plant(AssetKind.PUMP);
    for (int p = 0; p < pumps.size(); p++) {
      int b = base(pumps.get(p));
      double flow = cdus.pumpFlowM3h[p];
      out.put(b, flow > 0 ? cdus.pumpModel().speedFraction(flow) * 100 : 0);
      out.put(b + 1, flow);
      out.put(b + 2, flow > 0 ? cdus.pumpModel().headKpa(flow) : 0);
      out.put(b + 3, flow > 0 ? cdus.pumpModel().powerKw(flow) : 0);
    }
  }

  private void loops(ReadingEmitter out) {
    List<Assets.Plant> loops = campus.plant(AssetKind.WATER_LOOP);
    int ww = base(loops.get(0));
    out.put(ww, heat.supplyC);
    out.put(ww + 1, heat.returnC);
    out.put(ww + 2, Units.m3PerHour(cdus.loopFlowKgS));
    out.put(ww + 3, heat.loopHeatKw);
    HeatRecoveryConfig.HeatConsumerConfig dh = campus.config().heatRecovery().districtHeating();
    int hr = base(loops.get(1));
    double dt = dh.supplyTempC() - dh.returnTempC();
    out.put(hr, dh.supplyTempC());
    out.put(hr + 1, dh.returnTempC());
    out.put(hr + 2, Units.m3PerHour(WaterLoop.massFlowKgPerS(heat.hp.deliveredKw(), dt)));
    out.put(hr + 3, heat.hp.deliveredKw());
  }

  private void dryCoolers(ReadingEmitter out, double ambientC) {
    List<Assets.Plant> units = campus.plant(AssetKind.DRY_COOLER);
    double unitFlow = cdus.loopFlowKgS / units.size();
    for (int i = 0; i < units.size(); i++) {
      DryCoolerState d = heat.dryCoolers[i];
      int b = base(units.get(i));
      out.put(b, d.fanSpeedFraction() * 100);
      out.put(b + 1, d.fanPowerKw());
      out.put(b + 2, heat.returnC);
      out.put(
          b + 3, heat.returnC - d.heatRejectedKw() / (unitFlow * Water.SPECIFIC_HEAT_KJ_PER_KG_K));
      out.put(b + 4, d.heatRejectedKw());
      double spray =
          ambientC > SPRAY_ABOVE_C
              ? d.heatRejectedKw() * SPRAY_HEAT_SHARE / LATENT_HEAT_KJ_PER_KG * 3600
              : 0;
      out.put(b + 5, spray);
    }
  }

  private void chillerAndHeatPump(ReadingEmitter out) {
    int c = base(campus.single(AssetKind.CHILLER));
    double chw = campus.config().cooling().trimChiller().chilledWaterSupplyC();
    double capacity = campus.config().cooling().trimChiller().capacityKw();
    double chwFlow = WaterLoop.massFlowKgPerS(capacity, ReadingEmitter.CHW_DELTA_T_K);
    out.put(c, heat.chillerPowerKw);
    out.put(c + 1, heat.chillerCoolingKw);
    out.put(c + 2, chw);
    out.put(c + 3, WaterLoop.returnTempC(chw, heat.chillerCoolingKw, chwFlow));
    out.put(c + 4, heat.chillerCop);
    int h = base(campus.single(AssetKind.HEAT_PUMP));
    out.put(h, heat.hp.electricKw());
    out.put(h + 1, heat.hp.deliveredKw());
    out.put(h + 2, heat.hp.sourceHeatKw());
    out.put(h + 3, campus.config().heatRecovery().districtHeating().supplyTempC());
    out.put(h + 4, heat.hp.cop());
  }

  private void heatExports(ReadingEmitter out) {
    List<Assets.Plant> exports = campus.plant(AssetKind.HEAT_EXPORT);
    HeatRecoveryConfig r = campus.config().heatRecovery();
    export(
        out,
        base(exports.get(0)),
        r.districtHeating(),
        heat.hp.deliveredKw(),
        site.dhEnergyKwh,
        heat.dhOfferKw,
        heat.dhDemandKw);
    double ecoOffer = Math.min(heat.loopHeatKw, r.ecoPark().peakDemandKw());
    export(
        out,
        base(exports.get(1)),
        r.ecoPark(),
        heat.ecoDeliveredKw,
        site.ecoEnergyKwh,
        ecoOffer,
        heat.ecoDemandKw);
  }

  private static void export(
      ReadingEmitter out,
      int b,
      HeatRecoveryConfig.HeatConsumerConfig c,
      double kw,
      double kwh,
      double offerKw,
      double demandKw) {
    double dt = c.supplyTempC() - c.returnTempC();
    out.put(b, kw);
    out.put(b + 1, kwh);
    out.put(b + 2, c.supplyTempC());
    out.put(b + 3, c.returnTempC());
    out.put(b + 4, Units.m3PerHour(WaterLoop.massFlowKgPerS(kw, dt)));
    out.put(b + 5, offerKw);
    out.put(b + 6, demandKw);
  }

  private void pv(ReadingEmitter out) {
    List<Assets.Plant> arrays = campus.plant(AssetKind.PV_ARRAY);
    List<Assets.Plant> inverters = campus.plant(AssetKind.PV_INVERTER);
    int inv = 0;
    for (int a = 0; a < arrays.size(); a++) {
      int b = base(arrays.get(a));
      out.put(b, solar.output[a].poaWm2());
      out.put(b + 1, solar.output[a].cellTempC());
      out.put(b + 2, solar.arrayDcKw[a]);
      int n = solar.inverters(a);
      for (int k = 0; k < n; k++, inv++) {
        int ib = base(inverters.get(inv));
        boolean on = solar.online[a][k];
        out.put(ib, on ? solar.output[a].dcKw() / n : 0);
        out.put(ib + 1, on ? solar.output[a].acKw() / n : 0);
        out.put(ib + 2, on ? 1 : 0);
      }
    }
  }

  private void meters(ReadingEmitter out, WeatherSample w) {
    int g = base(campus.single(AssetKind.GRID_METER));
    out.put(g, site.gridImportKw);
    out.put(g + 1, site.gridExportKw);
    out.put(g + 2, site.gridImportKwh);
    out.put(g + 3, site.gridExportKwh);
    int e = base(campus.single(AssetKind.EV_HUB));
    out.put(e, site.evPowerKw);
    out.put(e + 1, site.evSessions);
    out.put(e + 2, site.evPvKw);
    int s = base(campus.single(AssetKind.WEATHER_STATION));
    out.put(s, w.ghiWm2());
    out.put(s + 1, w.dniWm2());
    out.put(s + 2, w.dhiWm2());
    out.put(s + 3, w.airTempC());
    out.put(s + 4, w.relativeHumidityPct());
    out.put(s + 5, w.windMs());
  }
}
