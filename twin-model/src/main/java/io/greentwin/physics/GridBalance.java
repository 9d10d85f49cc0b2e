package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * Balance of site load against on-site PV at the grid connection, with no storage: PV serves the
 * load first, the rest is exported; the grid covers what PV does not.
 */
public final class GridBalance {
  private GridBalance() {}

  /**
   * @param siteLoadKw site electrical load, kW, ≥ 0
   * @param pvAcKw PV AC output, kW, ≥ 0
   */
  public static GridFlow balance(double siteLoadKw, double pvAcKw) {
    Require.nonNegative("siteLoadKw", siteLoadKw);
    Require.nonNegative("pvAcKw", pvAcKw);
    double selfConsumedKw = Math.min(siteLoadKw, pvAcKw);
    return new GridFlow(siteLoadKw - selfConsumedKw, pvAcKw - selfConsumedKw, selfConsumedKw);
  }
}
