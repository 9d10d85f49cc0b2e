package io.greentwin.solar;

import java.time.Instant;

/** Irradiance under a cloudless sky: bounds and references for measured or forecast sunlight. */
public final class ClearSky {
  // Haurwitz (1945), "Insolation in relation to cloud type", J. Meteorol. 3: GHI = a cos z
  // exp(−b / cos z), coefficients as given by Reno, Hansen & Stein (2012), SAND2012-2389.
  private static final double HAURWITZ_A_WM2 = 1098;
  private static final double HAURWITZ_B = 0.059;

  // Ineichen & Perez (2002), "A new airmass independent formulation for the Linke turbidity
  // coefficient", Solar Energy 73(3), 151–157, eqs. 1–3 and the DNI correction of Ineichen (2008);
  // altitude terms fh1 = exp(−h/8000), fh2 = exp(−h/1250).
  private static final double FH1_SCALE_M = 8000;
  private static final double FH2_SCALE_M = 1250;
  private static final double CG1_0 = 0.868;
  private static final double CG1_PER_M = 5.09e-5;
  private static final double CG2_0 = 0.0387;
  private static final double CG2_PER_M = 3.92e-5;
  private static final double BEAM_B0 = 0.664;
  private static final double BEAM_B1 = 0.163;
  private static final double BEAM_TL = 0.09;
  private static final double DNI_CORR_A = 0.1;
  private static final double DNI_CORR_B = 0.2;
  private static final double DNI_CORR_C = 0.882;

  private ClearSky() {}

  /** Haurwitz clear-sky GHI, W/m²; 0 when the sun is at or below the horizon. */
  public static double haurwitzGhiWm2(double zenithDeg) {
    if (!(zenithDeg < 90)) {
      return 0;
    }
    double cosZ = Math.cos(Math.toRadians(zenithDeg));
    return HAURWITZ_A_WM2 * cosZ * Math.exp(-HAURWITZ_B / cosZ);
  }

  /**
   * Ineichen–Perez clear-sky GHI, DNI and DHI at a time and apparent zenith, with the standard
   * atmosphere's pressure at the altitude and Kasten–Young air mass. Linke turbidity: 2–3 clean
   * air, 4–6 urban.
   */
  public static Irradiance ineichenPerez(
      Instant time, double zenithDeg, double altitudeM, double linkeTurbidity) {
    double dniExtraWm2 = ExtraterrestrialIrradiance.dniWm2(SolarGeometry.dayOfYear(time));
    double airmass = Atmosphere.absoluteAirmass(zenithDeg, altitudeM);
    return ineichenPerez(zenithDeg, airmass, linkeTurbidity, altitudeM, dniExtraWm2);
  }

  /** Ineichen–Perez with explicit absolute air mass and extraterrestrial DNI. */
  public static Irradiance ineichenPerez(
      double zenithDeg,
      double airmassAbsolute,
      double linkeTurbidity,
      double altitudeM,
      double dniExtraWm2) {
    if (!(zenithDeg < 90) || !Double.isFinite(airmassAbsolute)) {
      return Irradiance.dark();
    }
    double tl = linkeTurbidity;
    double cosZ = Math.cos(Math.toRadians(zenithDeg));
    double fh1 = Math.exp(-altitudeM / FH1_SCALE_M);
    double fh2 = Math.exp(-altitudeM / FH2_SCALE_M);
    double cg1 = CG1_PER_M * altitudeM + CG1_0;
    double cg2 = CG2_PER_M * altitudeM + CG2_0;
    double ghi =
        cg1 * dniExtraWm2 * cosZ * Math.exp(-cg2 * airmassAbsolute * (fh1 + fh2 * (tl - 1)));
    double b = BEAM_B0 + BEAM_B1 / fh1;
    double beamNormal =
        dniExtraWm2 * Math.max(0, b * Math.exp(-BEAM_TL * airmassAbsolute * (tl - 1)));
    double correction =
        (1 - (DNI_CORR_A - DNI_CORR_B * Math.exp(-tl)) / (DNI_CORR_A + DNI_CORR_C / fh1)) / cosZ;
    double dni = Math.min(beamNormal, ghi * Math.max(correction, 0));
    double dhi = Math.max(0, ghi - dni * cosZ);
    return new Irradiance(Math.max(0, ghi), Math.max(0, dni), dhi);
  }
}
