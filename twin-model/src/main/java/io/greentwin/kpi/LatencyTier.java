package io.greentwin.kpi;

/**
 * Latency tiers of China's national integrated computing network (NDRC et al., 2023 implementation
 * opinions on "East Data, West Computing", as in DOMAIN.md): 1 ms in-city, 5 ms in-region, 20 ms
 * cross-region.
 */
public enum LatencyTier {
  IN_CITY(1),
  IN_REGION(5),
  CROSS_REGION(20);

  private final double latencyMs;

  LatencyTier(double latencyMs) {
    this.latencyMs = latencyMs;
  }

  /** Network latency of the tier, ms. */
  public double latencyMs() {
    return latencyMs;
  }
}
