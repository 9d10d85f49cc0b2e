package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.util.List;

/**
 * NREL PVWatts v5 DC, cover, loss and inverter models (Dobos 2014, "PVWatts Version 5 Manual",
 * NREL/TP-6A20-62641), as pvlib implements them.
 */
public final class PvWatts {
  /** STC irradiance, W/m² (IEC 60904-3). */
  public static final double REFERENCE_IRRADIANCE_WM2 = 1000;

  /** STC cell temperature, °C (IEC 60904-3). */
  public static final double REFERENCE_CELL_TEMP_C = 25;

  /** Temperature coefficient of power, "Standard" modules, PVWatts v7/v8 (NREL 2019), 1/°C. */
  public static final double GAMMA_STANDARD_PER_C = -0.0037;

  /**
   * Temperature coefficient of power, "Standard" modules in v5 (Dobos 2014, module types), 1/°C.
   */
  public static final double GAMMA_STANDARD_V5_PER_C = -0.0047;

  /** Temperature coefficient of power, "Premium" modules, PVWatts v7/v8, 1/°C. */
  public static final double GAMMA_PREMIUM_PER_C = -0.0035;

  /** Temperature coefficient of power, "Thin film" modules, PVWatts v7/v8, 1/°C. */
  public static final double GAMMA_THIN_FILM_PER_C = -0.0032;

  /** Nominal inverter efficiency (Dobos 2014, inverter model). */
  public static final double DEFAULT_INVERTER_EFFICIENCY = 0.96;

  /**
   * Default system losses, % (Dobos 2014, system losses): soiling 2, shading 3, snow 0, mismatch 2,
   * wiring 2, connections 0.5, light-induced degradation 1.5, nameplate rating 1, age 0,
   * availability 3. Combined multiplicatively they are {@value #DEFAULT_TOTAL_LOSS_PCT} %.
   */
  public static final List<Double> DEFAULT_LOSSES_PCT =
      List.of(2.0, 3.0, 0.0, 2.0, 2.0, 0.5, 1.5, 1.0, 0.0, 3.0);

  /** The default losses combined, rounded as PVWatts shows them, % (Dobos 2014). */
  public static final double DEFAULT_TOTAL_LOSS_PCT = 14.08;

  // Inverter part-load curve (Dobos 2014, inverter model), fitted to CEC inverter data with a
  // reference
  // efficiency of 0.9637.
  private static final double INVERTER_REFERENCE_EFFICIENCY = 0.9637;
  private static final double INVERTER_A = -0.0162;
  private static final double INVERTER_B = -0.0059;
  private static final double INVERTER_C = 0.9858;

  // Module cover (Dobos 2014, module cover model, after De Soto et al. 2006): glass refractive
  // index,
  // extinction coefficient (1/m) and thickness (m) for Fresnel reflection plus absorption.
  private static final double GLASS_INDEX = 1.526;
  private static final double GLASS_EXTINCTION_PER_M = 4;
  private static final double GLASS_THICKNESS_M = 0.002;

  private PvWatts() {}

  /**
   * DC power before system losses, kW: (G/1000) P_dc0 (1 + γ (T_cell − 25)); 0 for no light. Feed
   * it the irradiance the cells receive ({@link #transmittedPoaWm2}) to match PVWatts exactly.
   */
  public static double dcKw(
      double poaWm2, double cellTempC, double dcNameplateKw, double gammaPerC) {
    if (!(poaWm2 > 0)) {
      return 0;
    }
    double dc =
        poaWm2
            / REFERENCE_IRRADIANCE_WM2
            * dcNameplateKw
            * (1 + gammaPerC * (cellTempC - REFERENCE_CELL_TEMP_C));
    return Math.max(0, dc);
  }

  /**
   * PVWatts v5 inverter AC output, kW: η = (η_nom/0.9637)(−0.0162ζ − 0.0059/ζ + 0.9858) with ζ =
   * P_dc/P_dc0,inv and P_dc0,inv = P_ac0/η_nom; clipped to [0, P_ac0]; 0 for P_dc ≤ 0.
   */
  public static double inverterAcKw(double dcKw, double acNameplateKw, double nominalEfficiency) {
    if (!(dcKw > 0)) {
      return 0;
    }
    double ac = inverterEfficiency(dcKw, acNameplateKw, nominalEfficiency) * dcKw;
    return Math.max(0, Math.min(ac, acNameplateKw));
  }

  /** The PVWatts v5 inverter efficiency at a DC input (before clipping), for DC > 0. */
  public static double inverterEfficiency(
      double dcKw, double acNameplateKw, double nominalEfficiency) {
    if (!(acNameplateKw > 0) || !(nominalEfficiency > 0 && nominalEfficiency <= 1)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "inverter needs AC nameplate > 0 and efficiency in (0, 1]: "
              + acNameplateKw
              + " kW, "
              + nominalEfficiency);
    }
    double zeta = dcKw / (acNameplateKw / nominalEfficiency);
    return nominalEfficiency
        / INVERTER_REFERENCE_EFFICIENCY
        * (INVERTER_A * zeta + INVERTER_B / zeta + INVERTER_C);
  }

  /**
   * The factor that leaves after losses: Π (1 − l_i/100); 1 for no losses. {@code
   * lossFactor(14.08)} and the {@link #DEFAULT_LOSSES_PCT} list both give ≈ 0.8592.
   */
  public static double lossFactor(double... lossesPct) {
    double factor = 1;
    for (double loss : lossesPct) {
      if (!(loss >= 0 && loss < 100)) {
        throw new GreenTwinException(
            ErrorCode.ARGUMENT_INVALID, "loss " + loss + " % outside [0, 100)");
      }
      factor *= 1 - loss / 100;
    }
    return factor;
  }

  /** The losses combined multiplicatively, %: 100 (1 − Π (1 − l_i/100)). */
  public static double combinedLossPct(double... lossesPct) {
    return 100 * (1 - lossFactor(lossesPct));
  }

  /** {@link #lossFactor} of the {@link #DEFAULT_LOSSES_PCT} list (≈ 0.8592). */
  public static double defaultLossFactor() {
    return lossFactor(DEFAULT_LOSSES_PCT.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * The beam's transmittance through the module glass relative to normal incidence (Fresnel
   * reflection and absorption, De Soto et al. 2006), in [0, 1]; 0 at or beyond 90°.
   */
  public static double coverTransmittance(double aoiDeg) {
    if (!(aoiDeg >= 0)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, "angle of incidence " + aoiDeg + "° must be >= 0");
    }
    if (aoiDeg >= 90) {
      return 0;
    }
    return Math.min(1, glassTransmittance(Math.toRadians(aoiDeg)) / glassTransmittance(0));
  }

  /**
   * The irradiance the cells receive (PVWatts v5 "transmitted POA"): the POA less the cover's
   * reflection loss on the beam part, POA − (1 − τ(AOI)) · beam; diffuse is not reduced.
   */
  public static double transmittedPoaWm2(double poaWm2, double beamPoaWm2, double aoiDeg) {
    double loss = (1 - coverTransmittance(aoiDeg)) * beamPoaWm2;
    return Math.max(0, Math.min(poaWm2, poaWm2 - loss));
  }

  private static double glassTransmittance(double theta) {
    double absorption = GLASS_EXTINCTION_PER_M * GLASS_THICKNESS_M;
    if (theta < 1e-9) {
      double r = (1 - GLASS_INDEX) / (1 + GLASS_INDEX);
      return Math.exp(-absorption) * (1 - r * r);
    }
    double refracted = Math.asin(Math.sin(theta) / GLASS_INDEX);
    double sMinus = Math.sin(refracted - theta);
    double sPlus = Math.sin(refracted + theta);
    double tMinus = Math.tan(refracted - theta);
    double tPlus = Math.tan(refracted + theta);
    double reflected =
        0.5 * (sMinus * sMinus / (sPlus * sPlus) + tMinus * tMinus / (tPlus * tPlus));
    return Math.exp(-absorption / Math.cos(refracted)) * (1 - reflected);
  }
}
