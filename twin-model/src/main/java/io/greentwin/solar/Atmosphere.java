package io.greentwin.solar;

/** Air mass and standard-atmosphere pressure: the path the sunlight takes through the air. */
public final class Atmosphere {
  /** Sea-level standard pressure, hPa (ISO 2533:1975 standard atmosphere). */
  public static final double SEA_LEVEL_PRESSURE_HPA = 1013.25;

  // Barometric formula of the ISO 2533 / US 1976 standard atmosphere (troposphere):
  // p = p0 (1 − 2.25577e-5 h)^5.25588, h in m.
  private static final double PRESSURE_LAPSE_PER_M = 2.25577e-5;
  private static final double PRESSURE_EXPONENT = 5.25588;

  // Kasten & Young (1989), Applied Optics 28(22), 4735–4738: AM = 1/(cos z + a (b − z)^−c).
  private static final double KY_A = 0.50572;
  private static final double KY_B_DEG = 96.07995;
  private static final double KY_C = 1.6364;

  private Atmosphere() {}

  /** Standard-atmosphere pressure at an altitude, hPa. */
  public static double pressureHpa(double altitudeM) {
    return SEA_LEVEL_PRESSURE_HPA
        * Math.pow(1 - PRESSURE_LAPSE_PER_M * altitudeM, PRESSURE_EXPONENT);
  }

  /**
   * Relative optical air mass (Kasten &amp; Young 1989) for an apparent zenith angle; {@code NaN}
   * when the sun is below the horizon (zenith above 90°).
   */
  public static double relativeAirmass(double zenithDeg) {
    if (!(zenithDeg >= 0 && zenithDeg <= 90)) {
      return Double.NaN;
    }
    return 1 / (Math.cos(Math.toRadians(zenithDeg)) + KY_A * Math.pow(KY_B_DEG - zenithDeg, -KY_C));
  }

  /** Absolute (pressure-corrected) air mass: relative air mass × p / p0. */
  public static double absoluteAirmass(double zenithDeg, double altitudeM) {
    return relativeAirmass(zenithDeg) * pressureHpa(altitudeM) / SEA_LEVEL_PRESSURE_HPA;
  }
}
