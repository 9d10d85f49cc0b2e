package io.greentwin.physics;

/** Shape of a server's power draw between idle and full utilisation. */
public enum PowerCurve {
  /** P = P_idle + (P_max − P_idle)·u. */
  LINEAR {
    @Override
    double loadShare(double utilisation) {
      return utilisation;
    }
  },
  /**
   * P = P_idle + (P_max − P_idle)·(2u − u^1.4). Source: X. Fan, W.-D. Weber, L. A. Barroso, "Power
   * Provisioning for a Warehouse-sized Computer", ISCA 2007 (empirical fit, exponent r = 1.4).
   */
  FAN_2007 {
    @Override
    double loadShare(double utilisation) {
      return 2 * utilisation - Math.pow(utilisation, FAN_2007_EXPONENT);
    }
  };

  /** Exponent r of the Fan et al. 2007 fit 2u − u^r (ISCA 2007, calibrated r = 1.4). */
  public static final double FAN_2007_EXPONENT = 1.4;

  /** Share of the dynamic range (P_max − P_idle) drawn at utilisation u ∈ [0, 1]. */
  abstract double loadShare(double utilisation);
}
