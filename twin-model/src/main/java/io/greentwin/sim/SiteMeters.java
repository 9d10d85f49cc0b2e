package io.greentwin.sim;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Campus;
import io.greentwin.campus.EvHubConfig;
import io.greentwin.physics.GridBalance;
import io.greentwin.physics.GridFlow;
import io.greentwin.physics.PumpModel;
import io.greentwin.units.Units;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Electrical metering: each building's facility power (its IT, UPS losses, auxiliaries and its
 * IT-proportional share of the central cooling plant), the EV hub, and the grid meter balancing
 * site load against PV. The heat pump is metered on its own and always on the grid meter; whether
 * it counts in E_DC is the KPI's boundary setting, not the meter's.
 */
final class SiteMeters {
  /**
   * UPS and distribution losses, 3 % of IT (double-conversion UPS ~97 % efficient, vendor data).
   */
  static final double UPS_LOSS_FRACTION = 0.03;

  /** Lighting, controls and security per hall, kW (assumed). */
  static final double AUX_KW_PER_HALL = 10;

  /** CRAH/fan-wall fan power per kW of air-side heat, 3 % (EC fans, assumed). */
  static final double CRAH_FAN_FRACTION = 0.03;

  /** CDU secondary pump head, kPa (cold plates + manifolds, typical vendor data, assumed). */
  static final double CDU_PUMP_HEAD_KPA = 150;

  /** Mean charging power as a share of a charger's rating over a session (taper), assumed. */
  static final double EV_POWER_SHARE = 0.55;

  private final Campus campus;
  private final Noise noise;
  private final ZoneId zone;
  private final int[] hallsPerBuilding;

  final double[] buildingFacilityKw;
  double itKw;
  double facilityKw;
  double plantKw;
  double evPowerKw;
  double evSessions;
  double evPvKw;
  double gridImportKw;
  double gridExportKw;
  double gridImportKwh;
  double gridExportKwh;
  double dhEnergyKwh;
  double ecoEnergyKwh;

  SiteMeters(Campus campus, Noise noise) {
    this.campus = campus;
    this.noise = noise;
    this.zone = ZoneId.of(campus.config().site().timeZone());
    this.hallsPerBuilding = new int[campus.buildings().size()];
    for (int b = 0; b < hallsPerBuilding.length; b++) {
      hallsPerBuilding[b] = campus.config().buildings().get(b).halls().size();
    }
    this.buildingFacilityKw = new double[hallsPerBuilding.length];
  }

  void compute(
      long tick,
      long timeMs,
      ItLoad it,
      CduLoop cdus,
      HeatPlant heat,
      SolarPlant solar,
      double dtH) {
    plantKw = plantPowerKw(it, cdus, heat);
    itKw = 0;
    for (double kw : it.buildingItKw) {
      itKw += kw;
    }
    facilityKw = 0;
    for (int b = 0; b < buildingFacilityKw.length; b++) {
      double share = itKw > 0 ? it.buildingItKw[b] / itKw : 0;
      buildingFacilityKw[b] =
          it.buildingItKw[b] * (1 + UPS_LOSS_FRACTION)
              + AUX_KW_PER_HALL * hallsPerBuilding[b]
              + plantKw * share;
      facilityKw += buildingFacilityKw[b];
    }
    ev(tick, timeMs, solar.acTotalKw);
    double siteLoad = facilityKw + heat.hp.electricKw() + evPowerKw;
    GridFlow g = GridBalance.balance(siteLoad, solar.acTotalKw);
    gridImportKw = g.importKw();
    gridExportKw = g.exportKw();
    gridImportKwh += Units.kwh(gridImportKw, dtH);
    gridExportKwh += Units.kwh(gridExportKw, dtH);
    dhEnergyKwh += Units.kwh(heat.hp.deliveredKw(), dtH);
    ecoEnergyKwh += Units.kwh(heat.ecoDeliveredKw, dtH);
  }

  /** Pumps, dry-cooler fans, chiller, CRAH fans and CDU pumps. */
  private double plantPowerKw(ItLoad it, CduLoop cdus, HeatPlant heat) {
    double kw = heat.chillerPowerKw;
    PumpModel pump = cdus.pumpModel();
    for (double flow : cdus.pumpFlowM3h) {
      kw += flow > 0 ? pump.powerKw(flow) : 0;
    }
    for (var d : heat.dryCoolers) {
      kw += d.fanPowerKw();
    }
    for (double air : it.hallAirKw) {
      kw += air * CRAH_FAN_FRACTION;
    }
    for (int c = 0; c < it.cduHeatKw.length; c++) {
      double flow = Units.m3PerHour(cdus.cduSecondaryFlowKgS(c));
      kw += PumpModel.hydraulicPowerKw(flow, CDU_PUMP_HEAD_KPA, pump.efficiency());
    }
    return kw;
  }

  /** Sessions follow a morning and an evening commuter peak; PV feeds the hub first. */
  private void ev(long tick, long timeMs, double pvAcKw) {
    EvHubConfig hub = campus.config().evHub();
    ZonedDateTime local = Instant.ofEpochMilli(timeMs).atZone(zone);
    double h = local.getHour() + local.getMinute() / 60.0;
    double occupancy = 0.12 + 0.45 * bump(h, 8.5, 1.5) + 0.55 * bump(h, 18.5, 2.0);
    occupancy += 0.05 * noise.symmetric(AssetKind.EV_HUB.ordinal(), tick);
    evSessions = Math.round(Math.max(0, Math.min(1, occupancy)) * hub.chargers());
    evPowerKw = evSessions * hub.chargerKw() * EV_POWER_SHARE;
    evPvKw = Math.min(evPowerKw, pvAcKw);
  }

  private static double bump(double hour, double centre, double width) {
    double d = (hour - centre) / width;
    return Math.exp(-d * d);
  }
}
