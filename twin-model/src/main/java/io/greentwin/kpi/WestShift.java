package io.greentwin.kpi;

import io.greentwin.units.Require;

/**
 * "East Data, West Computing" (东数西算) estimate (DOMAIN.md): deferrable batch work moved to a western
 * hub is charged at that hub's grid factor and PUE; only work that tolerates the route's latency
 * tier may move.
 */
public final class WestShift {
  private WestShift() {}

  /**
   * @param deferrableItKwh IT energy of the deferrable work, kWh
   * @param toleratedLatencyMs network latency the work tolerates, ms
   * @param origin the site it runs at now
   * @param destination the western hub it could move to
   * @param route latency tier between the two
   */
  public static ShiftEstimate estimate(
      double deferrableItKwh,
      double toleratedLatencyMs,
      ComputeSite origin,
      ComputeSite destination,
      LatencyTier route) {
    Require.nonNegative("deferrableItKwh", deferrableItKwh);
    Require.nonNegative("toleratedLatencyMs", toleratedLatencyMs);
    Require.present("origin", origin);
    Require.present("destination", destination);
    Require.present("route", route);
    double movedKwh = toleratedLatencyMs >= route.latencyMs() ? deferrableItKwh : 0;
    double stayKg = origin.co2Kg(deferrableItKwh);
    double shiftedKg = destination.co2Kg(movedKwh) + origin.co2Kg(deferrableItKwh - movedKwh);
    return new ShiftEstimate(movedKwh, stayKg, shiftedKg, stayKg - shiftedKg);
  }
}
