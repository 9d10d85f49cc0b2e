package io.greentwin.kpi;

import io.greentwin.units.Require;

/**
 * PUE caps for the national computing hubs of "East Data, West Computing" (东数西算).
 *
 * @param eastMaxPue cap for data centres in the eastern hub clusters
 * @param westMaxPue cap for data centres in the western hub clusters
 */
public record HubPueLimits(double eastMaxPue, double westMaxPue) {

  /**
   * NDRC et al., approvals of the national computing hub nodes (February 2022), as in DOMAIN.md:
   * eastern clusters PUE ≤ 1.25, western clusters ≤ 1.2.
   */
  public static final HubPueLimits EAST_DATA_WEST_COMPUTING = new HubPueLimits(1.25, 1.20);

  public HubPueLimits {
    Require.positive("eastMaxPue", eastMaxPue);
    Require.positive("westMaxPue", westMaxPue);
  }

  /** Whether a PUE meets the cap of the eastern hub clusters. */
  public boolean meetsEast(double pue) {
    return Require.positive("pue", pue) <= eastMaxPue;
  }

  /** Whether a PUE meets the cap of the western hub clusters. */
  public boolean meetsWest(double pue) {
    return Require.positive("pue", pue) <= westMaxPue;
  }
}
