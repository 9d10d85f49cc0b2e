package io.greentwin.sim;

import io.greentwin.campus.Asset;
import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Campus;
import io.greentwin.units.Units;
import io.greentwin.units.Water;
import io.greentwin.weather.WeatherSample;
import java.util.List;

/**
 * Turns the computed state of a tick into one reading per sensor, in sensor-index order within each
 * asset. Values that take part in an energy balance carry no measurement noise, so the balances
 * close in the readings themselves.
 */
final class ReadingEmitter {
  /** CRAH supply-air set-point, inside ASHRAE's recommended 18–27 °C (TC 9.9, 2021). */
  static final double AIR_SUPPLY_C = 24;

  /** Design chilled-water ΔT of the trim chiller, 6 K (typical design practice, assumed). */
  static final double CHW_DELTA_T_K = 6;

  private static final long RACK_HOTSPOT = 21;
  private static final long SENSOR_JITTER = 22;

  private final Campus campus;
  private final SensorPoints points;
  private final Noise noise;
  private final ItLoad it;
  private final CduLoop cdus;
  private final HeatPlant heat;
  private final SolarPlant solar;
  private final SiteMeters site;
  private final double designSecondaryC;
  private final PlantEmitter plant;
  private SensorPoint[] all;
  private ReadingSink sink;
  private long timeMs;
  private long seq;

  ReadingEmitter(
      Campus campus,
      SensorPoints points,
      Noise noise,
      ItLoad it,
      CduLoop cdus,
      HeatPlant heat,
      SolarPlant solar,
      SiteMeters site) {
    this.campus = campus;
    this.points = points;
    this.noise = noise;
    this.it = it;
    this.cdus = cdus;
    this.heat = heat;
    this.solar = solar;
    this.site = site;
    this.designSecondaryC =
        campus.config().cooling().warmWaterLoop().supplyTempC()
            + campus.config().cooling().cduApproachK();
    this.plant = new PlantEmitter(campus, points, cdus, heat, solar, site);
    this.all = new SensorPoint[points.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = points.get(i);
    }
  }

  void emit(ReadingSink sink, long tick, long timeMs, WeatherSample w) {
    this.sink = sink;
    this.timeMs = timeMs;
    this.seq = tick + 1;
    buildingsAndHalls(tick);
    racksAndServers(tick);
    cdus();
    plant.emit(this, w);
  }

  /** Gives the reading of sensor {@code index}. */
  void put(int index, double value) {
    sink.accept(all[index], value, timeMs, seq);
  }

  private void buildingsAndHalls(long tick) {
    for (int b = 0; b < campus.buildings().size(); b++) {
      int base = points.first(campus.buildings().get(b).id());
      put(base, it.buildingItKw[b]);
      put(base + 1, site.buildingFacilityKw[b]);
    }
    for (int h = 0; h < campus.halls().size(); h++) {
      int base = points.first(campus.halls().get(h).id());
      put(base, AIR_SUPPLY_C + 0.2 * noise.symmetric(SENSOR_JITTER, tick * 31 + h));
      put(base + 1, 45 + 3 * noise.smooth(SENSOR_JITTER + h, tick / 60.0));
      put(base + 2, it.hallDeferrableKw[h]);
    }
  }

  private void racksAndServers(long tick) {
    List<? extends Asset> racks = campus.racks();
    int server = 0;
    int serverBase = campus.servers().isEmpty() ? 0 : points.first(campus.servers().get(0).id());
    int perServer = AssetKind.SERVER.points().size();
    for (int r = 0; r < racks.size(); r++) {
      int c = campus.racks().get(r).cduIndex();
      double supply = cdus.cduSecondarySupplyC[c];
      double flow = cdus.rackFlowKgS(r);
      double inlet =
          AIR_SUPPLY_C
              + 2.5 * noise.uniform(RACK_HOTSPOT, r)
              + 0.3 * Math.max(0, supply - designSecondaryC);
      int base = points.first(racks.get(r).id());
      put(base, it.rackPowerKw[r]);
      put(base + 1, supply);
      put(base + 2, supply + it.rackLiquidKw[r] / (flow * Water.SPECIFIC_HEAT_KJ_PER_KG_K));
      put(base + 3, Units.m3PerHour(flow));
      put(base + 4, inlet);
      int n = campus.racks().get(r).serverCount();
      for (int s = 0; s < n; s++, server++) {
        int sb = serverBase + server * perServer;
        put(sb, it.serverPowerW[server]);
        put(sb + 1, it.serverUtil[server] * 100);
        double jitter = 0.15 * noise.symmetric(SENSOR_JITTER, tick * 1_000_003L + server);
        put(sb + 2, inlet + 0.08 * s + jitter);
      }
    }
  }

  private void cdus() {
    for (int c = 0; c < campus.cdus().size(); c++) {
      int base = points.first(campus.cdus().get(c).id());
      double q = it.cduHeatKw[c];
      double secFlow = cdus.cduSecondaryFlowKgS(c);
      double secSupply = cdus.cduSecondarySupplyC[c];
      put(base, heat.supplyC);
      put(base + 1, cdus.cduPrimaryReturnC[c]);
      put(base + 2, Units.m3PerHour(cdus.cduPrimaryFlowKgS[c]));
      put(base + 3, secSupply);
      put(base + 4, secSupply + q / (secFlow * Water.SPECIFIC_HEAT_KJ_PER_KG_K));
      put(base + 5, Units.m3PerHour(secFlow));
      put(base + 6, q);
      put(base + 7, cdus.cduValvePct[c]);
    }
  }
}
