package io.greentwin.solar;

/**
 * Perez et al. (1990), "Modeling daylight availability and irradiance components from direct and
 * global irradiance", Solar Energy 44(5), 271–289: sky diffuse on a tilted plane from the sky's
 * clearness ε and brightness Δ.
 */
final class PerezSkyDiffuse {
  /** κ for zenith in radians (Perez et al. 1990, eq. 1). */
  private static final double KAPPA = 1.041;

  /** Upper bounds of the eight ε bins (Perez et al. 1990, Table 1). */
  private static final double[] EPSILON_BINS = {1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2};

  /**
   * F11, F12, F13, F21, F22, F23 per ε bin: Perez et al. (1990) Table 6 ("all sites composite"), at
   * the higher precision R. Perez gave the EnergyPlus Engineering Reference (Table 22).
   */
  private static final double[][] F = {
    {-0.0083117, 0.5877285, -0.0620636, -0.0596012, 0.0721249, -0.0220216},
    {0.1299457, 0.6825954, -0.1513752, -0.0189325, 0.0659650, -0.0288748},
    {0.3296958, 0.4868735, -0.2210958, 0.0554140, -0.0639588, -0.0260542},
    {0.5682053, 0.1874525, -0.2951290, 0.1088631, -0.1519229, -0.0139754},
    {0.8730280, -0.3920403, -0.3616149, 0.2255647, -0.4620442, 0.0012448},
    {1.1326077, -1.2367284, -0.4118494, 0.2877813, -0.8230357, 0.0558651},
    {1.0601591, -1.5999137, -0.3589221, 0.2642124, -1.1272340, 0.1310694},
    {0.6777470, -0.3272588, -0.2504286, 0.1561313, -1.3765031, 0.2506212}
  };

  /** Floor of the horizontal projection, cos 85° (Perez et al. 1990, below eq. 9). */
  private static final double MIN_COS_ZENITH = Math.cos(Math.toRadians(85));

  private PerezSkyDiffuse() {}

  /**
   * Sky diffuse irradiance on the plane, W/m².
   *
   * @param dhiWm2 diffuse horizontal irradiance
   * @param dniWm2 direct normal irradiance
   * @param dniExtraWm2 extraterrestrial direct normal irradiance
   * @param zenithDeg apparent solar zenith, below 90°
   * @param airmassRelative relative air mass
   * @param cosAoi cosine of the beam's angle of incidence on the plane
   * @param tiltDeg plane tilt from horizontal
   */
  static double skyDiffuseWm2(
      double dhiWm2,
      double dniWm2,
      double dniExtraWm2,
      double zenithDeg,
      double airmassRelative,
      double cosAoi,
      double tiltDeg) {
    return skyDiffuseWm2(
        dhiWm2, dniWm2, dniExtraWm2, zenithDeg, airmassRelative, cosAoi, tiltDeg, F);
  }

  /** As above with another F table (8 rows of F11..F23), e.g. Table 6 as printed. */
  static double skyDiffuseWm2(
      double dhiWm2,
      double dniWm2,
      double dniExtraWm2,
      double zenithDeg,
      double airmassRelative,
      double cosAoi,
      double tiltDeg,
      double[][] coefficients) {
    if (!(dhiWm2 > 0)) {
      return 0;
    }
    double z = Math.toRadians(zenithDeg);
    double kz3 = KAPPA * z * z * z;
    double epsilon = ((dhiWm2 + dniWm2) / dhiWm2 + kz3) / (1 + kz3);
    double delta = dhiWm2 * airmassRelative / dniExtraWm2;
    double[] f = coefficients[bin(epsilon)];
    double f1 = Math.max(0, f[0] + f[1] * delta + f[2] * z);
    double f2 = f[3] + f[4] * delta + f[5] * z;
    double a = Math.max(0, cosAoi);
    double b = Math.max(MIN_COS_ZENITH, Math.cos(z));
    double beta = Math.toRadians(tiltDeg);
    double isotropic = (1 - f1) * (1 + Math.cos(beta)) / 2;
    return Math.max(0, dhiWm2 * (isotropic + f1 * a / b + f2 * Math.sin(beta)));
  }

  private static int bin(double epsilon) {
    int i = 0;
    while (i < EPSILON_BINS.length && epsilon >= EPSILON_BINS[i]) {
      i++;
    }
    return i;
  }
}
