package io.greentwin.kpi;

/** What a published grid emission factor covers (MEE/NBS publish several per year). */
public enum GridFactorBasis {
  /** All generation: the grid-average factor for location-based Scope 2. */
  AVERAGE,
  /**
   * Average excluding market-traded non-fossil power (green certificates, green-power trading):
   * China's proxy for a residual mix in market-based Scope 2.
   */
  EXCLUDING_MARKET_NON_FOSSIL,
  /** Fossil-fuel generation only. */
  FOSSIL_ONLY
}
