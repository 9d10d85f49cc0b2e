package io.greentwin.solar;

import java.util.Objects;

/** PV cell temperature from plane-of-array irradiance and the weather. */
public final class CellTemperature {
  // King, Boyson & Kratochvil (2004), "Photovoltaic Array Performance Model", SAND2004-3535,
  // Table 1: glass/cell/polymer sheet, open rack.
  /** SAPM coefficient a for glass/polymer open rack (King et al. 2004, Table 1). */
  public static final double SAPM_A = -3.56;

  /** SAPM coefficient b for glass/polymer open rack, s/m (King et al. 2004, Table 1). */
  public static final double SAPM_B_S_PER_M = -0.075;

  /** SAPM back-of-module to cell difference at 1000 W/m², °C (King et al. 2004, Table 1). */
  public static final double SAPM_DELTA_T_C = 3;

  /** Typical NOCT of a glass/polymer module, °C (DOMAIN.md; datasheets give 42–48 °C). */
  public static final double DEFAULT_NOCT_C = 45;

  /** Reference irradiance for SAPM's ΔT scaling, W/m² (King et al. 2004, eq. 12). */
  private static final double SAPM_REFERENCE_WM2 = 1000;

  // NOCT test conditions (IEC 61215): 800 W/m², 20 °C ambient, 1 m/s wind.
  private static final double NOCT_IRRADIANCE_WM2 = 800;
  private static final double NOCT_AMBIENT_C = 20;

  private CellTemperature() {}

  /** SAPM cell temperature, glass/polymer open rack, °C. */
  public static double sapmC(double poaWm2, double airTempC, double windMs) {
    return sapmC(poaWm2, airTempC, windMs, SAPM_A, SAPM_B_S_PER_M, SAPM_DELTA_T_C);
  }

  /**
   * SAPM cell temperature with explicit coefficients (King et al. 2004, eqs. 11–12): T_m = E exp(a
   * + b WS) + T_a; T_c = T_m + E/1000 ΔT.
   */
  public static double sapmC(
      double poaWm2, double airTempC, double windMs, double a, double bSPerM, double deltaTC) {
    double moduleC = poaWm2 * Math.exp(a + bSPerM * windMs) + airTempC;
    return moduleC + poaWm2 / SAPM_REFERENCE_WM2 * deltaTC;
  }

  /** NOCT cell temperature, °C: T_a + (NOCT − 20)/800 · G. */
  public static double noctC(double poaWm2, double airTempC, double noctC) {
    return airTempC + (noctC - NOCT_AMBIENT_C) / NOCT_IRRADIANCE_WM2 * poaWm2;
  }

  /** Cell temperature by model with the default coefficients, °C (wind unused by NOCT). */
  public static double cellTempC(
      CellTempModel model, double poaWm2, double airTempC, double windMs) {
    Objects.requireNonNull(model, "model");
    return switch (model) {
      case SAPM -> sapmC(poaWm2, airTempC, windMs);
      case NOCT -> noctC(poaWm2, airTempC, DEFAULT_NOCT_C);
    };
  }
}
