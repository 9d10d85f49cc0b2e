package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;

/** Sunlight at the top of the atmosphere, normal to the beam, over the year. */
public final class ExtraterrestrialIrradiance {
  /** Solar constant, W/m²: the WRC value used by NREL's SSC (PVWatts) irradiance code. */
  public static final double SOLAR_CONSTANT_WM2 = 1367;

  // Spencer (1971), "Fourier series representation of the position of the sun", Search 2(5):
  // Earth–sun distance factor (r0/r)² as in Iqbal (1983), eq. 1.2.1.
  private static final double S0 = 1.000110;
  private static final double S1_COS = 0.034221;
  private static final double S1_SIN = 0.001280;
  private static final double S2_COS = 0.000719;
  private static final double S2_SIN = 0.000077;
  private static final double DAYS_PER_YEAR = 365;

  private ExtraterrestrialIrradiance() {}

  /** Extraterrestrial direct normal irradiance on a day of the year (1–366), W/m². */
  public static double dniWm2(int dayOfYear) {
    if (dayOfYear < 1 || dayOfYear > 366) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, "day of year " + dayOfYear + " outside [1, 366]");
    }
    double b = 2 * Math.PI * (dayOfYear - 1) / DAYS_PER_YEAR;
    double factor =
        S0
            + S1_COS * Math.cos(b)
            + S1_SIN * Math.sin(b)
            + S2_COS * Math.cos(2 * b)
            + S2_SIN * Math.sin(2 * b);
    return SOLAR_CONSTANT_WM2 * factor;
  }
}
