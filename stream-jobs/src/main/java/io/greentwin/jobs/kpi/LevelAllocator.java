package io.greentwin.jobs.kpi;

import io.greentwin.kpi.DcBoundary;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one window's integrated amounts, summed per level and quantity, into the energies of every
 * hall, building and the site. The site's own meters (plant, heat pump, heat meters, water, PV) are
 * shared out by IT-energy share; a hall's facility energy is its IT share of its building's meter.
 * PV self-consumed by the DC is PV output less what fed the EV hub, at most the DC's supply
 * (facility plus heat pump); grid import is the rest of that supply. Pure.
 */
final class LevelAllocator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final KpiTopology topology;
  private final DcBoundary boundary;
  private final boolean pvCertificatesKept;

  LevelAllocator(KpiTopology topology, DcBoundary boundary, boolean pvCertificatesKept) {
    this.topology = topology;
    this.boundary = boundary;
    this.pvCertificatesKept = pvCertificatesKept;
  }

  /** Site-wide amounts of one window, and the IT energy every share is taken of. */
  private record Site(
      double itKwh,
      double facilityKwh,
      double heatPumpKwh,
      double coolingKwh,
      double exportedKwh,
      double reuseKwh,
      double waterL,
      double pvSelfKwh,
      double freeHeatKwh,
      double mechHeatKwh) {
    double supplyKwh() {
      return facilityKwh + heatPumpKwh;
    }
  }

  /**
   * The energies of every level that had IT or facility energy in the window.
   *
   * @param amounts per level id, the amounts indexed by {@link Quantity#ordinal()}
   */
  List<LevelEnergy> allocate(Map<String, double[]> amounts, long startMs, long endMs) {
    double[] siteAmounts = amounts.getOrDefault(topology.siteId(), new double[0]);
    double itKwh = 0;
    double facilityKwh = 0;
    for (String b : topology.buildings()) {
      itKwh += get(amounts.get(b), Quantity.IT);
      facilityKwh += get(amounts.get(b), Quantity.FACILITY);
    }
    Site site = site(siteAmounts, itKwh, facilityKwh);
    List<LevelEnergy> out = new ArrayList<>();
    Map<String, Double> hallItByBuilding = new HashMap<>();
    topology
        .buildingOfHall()
        .forEach(
            (h, b) -> hallItByBuilding.merge(b, get(amounts.get(h), Quantity.IT), Double::sum));
    topology
        .buildingOfHall()
        .forEach(
            (h, b) -> {
              double hallIt = get(amounts.get(h), Quantity.IT);
              double buildingIt = get(amounts.get(b), Quantity.IT);
              double inBuilding = ratio(hallIt, hallItByBuilding.get(b));
              double share = inBuilding * ratio(buildingIt, site.itKwh());
              double facility = inBuilding * get(amounts.get(b), Quantity.FACILITY);
              add(out, h, "hall", startMs, endMs, hallIt, facility, share, site, true);
            });
    for (String b : topology.buildings()) {
      double it = get(amounts.get(b), Quantity.IT);
      double facility = get(amounts.get(b), Quantity.FACILITY);
      double share = ratio(it, site.itKwh());
      add(out, b, "building", startMs, endMs, it, facility, share, site, true);
    }
    add(
        out,
        topology.siteId(),
        "site",
        startMs,
        endMs,
        site.itKwh(),
        site.facilityKwh(),
        1,
        site,
        false);
    return out;
  }

  private Site site(double[] a, double itKwh, double facilityKwh) {
    double heatPump = get(a, Quantity.HEAT_PUMP);
    double exported = get(a, Quantity.HEAT_EXPORTED);
    // Outside the boundary, the heat pump's electricity becomes part of the heat it delivers: only
    // the heat that left the DC (delivered less that electricity) is the DC's reuse.
    double reuse =
        boundary == DcBoundary.HEAT_PUMP_OUTSIDE ? Math.max(0, exported - heatPump) : exported;
    double pvToDc = Math.max(0, get(a, Quantity.PV_AC) - get(a, Quantity.EV_PV));
    double pvSelf = Math.min(pvToDc, facilityKwh + heatPump);
    return new Site(
        itKwh,
        facilityKwh,
        heatPump,
        get(a, Quantity.COOLING),
        exported,
        reuse,
        get(a, Quantity.WATER),
        pvSelf,
        get(a, Quantity.FREE_COOLING_HEAT),
        get(a, Quantity.MECHANICAL_COOLING_HEAT));
  }

  private void add(
      List<LevelEnergy> out,
      String id,
      String level,
      long startMs,
      long endMs,
      double itKwh,
      double facilityKwh,
      double share,
      Site s,
      boolean allocated) {
    if (itKwh == 0 && facilityKwh == 0) {
      return;
    }
    double heatPump = s.heatPumpKwh() * share;
    double supply = facilityKwh + heatPump;
    double pvSelf = s.pvSelfKwh() * ratio(supply, s.supplyKwh());
    out.add(
        new LevelEnergy(
            id,
            level,
            startMs,
            endMs,
            itKwh,
            facilityKwh,
            heatPump,
            Math.min(s.coolingKwh() * share, facilityKwh),
            s.exportedKwh() * share,
            s.reuseKwh() * share,
            s.waterL() * share,
            pvCertificatesKept ? pvSelf * ratio(eDc(facilityKwh, heatPump), supply) : 0,
            Math.max(0, supply - pvSelf),
            s.freeHeatKwh() * share,
            s.mechHeatKwh() * share,
            allocated));
  }

  /** E_DC: the facility, plus the heat pump when it is inside the boundary. */
  private double eDc(double facilityKwh, double heatPumpKwh) {
    return boundary == DcBoundary.HEAT_PUMP_INSIDE ? facilityKwh + heatPumpKwh : facilityKwh;
  }

  private static double get(double[] amounts, Quantity q) {
    return amounts == null || amounts.length <= q.ordinal() ? 0 : amounts[q.ordinal()];
  }

  private static double ratio(double part, Double whole) {
    return whole == null || whole == 0 ? 0 : part / whole;
  }
}
