package io.greentwin.solar;

/** Splits measured global horizontal irradiance into its direct and diffuse parts. */
public final class Decomposition {
  // Clearness index kt = GHI / (E0n cos z), with cos z floored and kt capped as in pvlib's
  // clearness_index (Holmgren et al. 2018) to keep low-sun hours finite.
  private static final double MIN_COS_ZENITH = 0.065;
  private static final double MAX_CLEARNESS_INDEX = 1.0;

  // Erbs, Klein & Duffie (1982), "Estimation of the diffuse radiation fraction for hourly, daily
  // and monthly-average global radiation", Solar Energy 28(4), 293–302, eq. 1.
  private static final double KT_LOW = 0.22;
  private static final double KT_HIGH = 0.80;
  private static final double LOW_SLOPE = 0.09;
  private static final double[] MID_POLY = {0.9511, -0.1604, 4.388, -16.638, 12.336};
  private static final double HIGH_FRACTION = 0.165;

  /** Above this zenith the beam split is unreliable: all GHI is treated as diffuse (pvlib). */
  private static final double MAX_ZENITH_DEG = 87;

  private Decomposition() {}

  /** Erbs et al. (1982): GHI with the sun's zenith on a day of the year → GHI, DNI, DHI. */
  public static Irradiance erbs(double ghiWm2, double zenithDeg, int dayOfYear) {
    if (!(ghiWm2 > 0)) {
      return Irradiance.dark();
    }
    double kt = clearnessIndex(ghiWm2, zenithDeg, dayOfYear);
    double dhi = diffuseFraction(kt) * ghiWm2;
    double dni = (ghiWm2 - dhi) / Math.cos(Math.toRadians(zenithDeg));
    if (zenithDeg > MAX_ZENITH_DEG || !(dni >= 0)) {
      return new Irradiance(ghiWm2, 0, ghiWm2);
    }
    return new Irradiance(ghiWm2, dni, dhi);
  }

  /** Hourly clearness index kt = GHI / extraterrestrial horizontal irradiance, in [0, 1]. */
  public static double clearnessIndex(double ghiWm2, double zenithDeg, int dayOfYear) {
    double cosZ = Math.max(Math.cos(Math.toRadians(zenithDeg)), MIN_COS_ZENITH);
    double kt = ghiWm2 / (ExtraterrestrialIrradiance.dniWm2(dayOfYear) * cosZ);
    return Math.max(0, Math.min(kt, MAX_CLEARNESS_INDEX));
  }

  /** Erbs diffuse fraction DHI/GHI for a clearness index. */
  public static double diffuseFraction(double kt) {
    if (kt <= KT_LOW) {
      return 1 - LOW_SLOPE * kt;
    }
    if (kt <= KT_HIGH) {
      double[] c = MID_POLY;
      return c[0] + kt * (c[1] + kt * (c[2] + kt * (c[3] + kt * c[4])));
    }
    return HIGH_FRACTION;
  }
}
