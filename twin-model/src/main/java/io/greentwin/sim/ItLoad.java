package io.greentwin.sim;

import io.greentwin.campus.Assets;
import io.greentwin.campus.Campus;
import io.greentwin.campus.ServerModelConfig;
import io.greentwin.campus.WorkloadProfileConfig;
import io.greentwin.physics.LiquidCooling;
import io.greentwin.physics.PowerCurve;
import io.greentwin.physics.ServerPowerModel;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The IT load at one tick: each server's utilisation from its hall's daily and weekly profile plus
 * seeded noise, its power from the server model, and the sums per rack, CDU, hall and building with
 * the liquid/air heat split. Fills arrays; allocation-free per tick.
 */
final class ItLoad {
  private static final long PERSISTENT = 1;
  private static final long JITTER = 2;

  private final List<Assets.Server> servers;
  private final List<Assets.Rack> racks;
  private final List<Assets.Hall> halls;
  private final ZoneId zone;
  private final Noise noise;
  private final ServerPowerModel[] hallPower;
  private final double[] hallLiquidFraction;
  private final int[] hallBuilding;

  final double[] serverUtil;
  final double[] serverPowerW;
  final double[] rackPowerKw;
  final double[] rackLiquidKw;
  final double[] cduHeatKw;
  final double[] hallItKw;
  final double[] hallAirKw;
  final double[] hallDeferrableKw;
  final double[] buildingItKw;

  ItLoad(Campus campus, Noise noise) {
    this.servers = campus.servers();
    this.racks = campus.racks();
    this.halls = campus.halls();
    this.zone = ZoneId.of(campus.config().site().timeZone());
    this.noise = noise;
    int nh = halls.size();
    hallPower = new ServerPowerModel[nh];
    hallLiquidFraction = new double[nh];
    hallBuilding = new int[nh];
    for (int h = 0; h < nh; h++) {
      ServerModelConfig m = halls.get(h).serverModel();
      PowerCurve curve = "linear".equals(m.powerCurve()) ? PowerCurve.LINEAR : PowerCurve.FAN_2007;
      hallPower[h] = new ServerPowerModel(m.idlePowerW(), m.maxPowerW(), curve);
      hallLiquidFraction[h] = m.liquidFraction();
      String parent = halls.get(h).parentId();
      for (int b = 0; b < campus.buildings().size(); b++) {
        if (campus.buildings().get(b).id().equals(parent)) {
          hallBuilding[h] = b;
        }
      }
    }
    serverUtil = new double[servers.size()];
    serverPowerW = new double[servers.size()];
    rackPowerKw = new double[racks.size()];
    rackLiquidKw = new double[racks.size()];
    cduHeatKw = new double[campus.cdus().size()];
    hallItKw = new double[nh];
    hallAirKw = new double[nh];
    hallDeferrableKw = new double[nh];
    buildingItKw = new double[campus.buildings().size()];
  }

  /** Computes every array for the instant of a tick. */
  void compute(long tick, long timeMs) {
    ZonedDateTime local = Instant.ofEpochMilli(timeMs).atZone(zone);
    double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
    boolean weekend =
        local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
    double[] hallBase = new double[halls.size()];
    double[] batchWeight = new double[halls.size()];
    for (int h = 0; h < halls.size(); h++) {
      WorkloadProfileConfig p = halls.get(h).workload();
      hallBase[h] = profile(p, hour, weekend);
      batchWeight[h] = deferrableShare(p, hour);
    }
    java.util.Arrays.fill(rackPowerKw, 0);
    for (int i = 0; i < servers.size(); i++) {
      int rack = servers.get(i).rackIndex();
      int h = racks.get(rack).hallIndex();
      double amp = halls.get(h).workload().noise();
      double u =
          hallBase[h]
              + amp
                  * (noise.symmetric(PERSISTENT, i)
                      + 0.5 * noise.symmetric(JITTER, tick * 1_000_003L + i));
      u = Math.min(1.0, Math.max(0.02, u));
      serverUtil[i] = u;
      serverPowerW[i] = hallPower[h].powerW(u);
      rackPowerKw[rack] += serverPowerW[i] / 1000.0;
    }
    sumUp();
    for (int h = 0; h < halls.size(); h++) {
      hallDeferrableKw[h] = hallItKw[h] * batchWeight[h];
    }
  }

  /**
   * The deferrable (batch) share of a hall's load at an hour: the profile's share on average, more
   * in the trough when the scheduler fills the valley, less at the interactive peak.
   */
  static double deferrableShare(WorkloadProfileConfig p, double hourOfDay) {
    double shape = (1 + Math.cos(2 * Math.PI * (hourOfDay - p.peakHour()) / 24.0)) / 2;
    return Math.min(1.0, p.deferrableShare() * (1.5 - shape));
  }

  private void sumUp() {
    java.util.Arrays.fill(cduHeatKw, 0);
    java.util.Arrays.fill(hallItKw, 0);
    java.util.Arrays.fill(hallAirKw, 0);
    java.util.Arrays.fill(buildingItKw, 0);
    for (int r = 0; r < racks.size(); r++) {
      Assets.Rack rack = racks.get(r);
      int h = rack.hallIndex();
      double liquid = LiquidCooling.split(rackPowerKw[r], hallLiquidFraction[h]).liquidKw();
      rackLiquidKw[r] = liquid;
      cduHeatKw[rack.cduIndex()] += liquid;
      hallItKw[h] += rackPowerKw[r];
      hallAirKw[h] += rackPowerKw[r] - liquid;
    }
    for (int h = 0; h < halls.size(); h++) {
      buildingItKw[hallBuilding[h]] += hallItKw[h];
    }
  }

  /** Index of a hall's building in the campus building list. */
  int buildingOfHall(int hall) {
    return hallBuilding[hall];
  }

  /** The design liquid heat of a rack at full load, kW. */
  double rackDesignLiquidKw(int rack) {
    int h = racks.get(rack).hallIndex();
    ServerModelConfig m = halls.get(h).serverModel();
    return racks.get(rack).serverCount() * m.maxPowerW() / 1000.0 * m.liquidFraction();
  }

  /** Utilisation from a profile: cosine day shape peaking at the peak hour, weekend scaled. */
  static double profile(WorkloadProfileConfig p, double hourOfDay, boolean weekend) {
    double shape = (1 + Math.cos(2 * Math.PI * (hourOfDay - p.peakHour()) / 24.0)) / 2;
    double u = p.baseUtilisation() + (p.peakUtilisation() - p.baseUtilisation()) * shape;
    return weekend ? u * p.weekendFactor() : u;
  }
}
