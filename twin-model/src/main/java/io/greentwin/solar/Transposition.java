package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.util.Objects;

/**
 * Plane-of-array irradiance: beam DNI cos(AOI) + sky diffuse (Perez 1990 or isotropic) + ground
 * reflected GHI · albedo · (1 − cos β)/2, as in NREL PVWatts v5 (Dobos 2014, plane-of-array
 * irradiance) and pvlib.
 */
public final class Transposition {
  /**
   * Above this zenith Perez falls back to the isotropic sky, as NREL's SSC irradiance code does for
   * PVWatts (irradproc.cpp, perez()): ε and Δ are unreliable at grazing sun.
   */
  public static final double PEREZ_MAX_ZENITH_DEG = 87.5;

  private Transposition() {}

  /**
   * cos AOI = cos θz cos β + sin θz sin β cos(γs − γ): the cosine of the angle between the beam and
   * the plane's normal, in [−1, 1] (negative: sun behind the plane).
   */
  public static double angleOfIncidenceCos(
      SunPosition sun, double tiltDeg, double surfaceAzimuthDeg) {
    double z = Math.toRadians(sun.zenithDeg());
    double beta = Math.toRadians(tiltDeg);
    double dAz = Math.toRadians(sun.azimuthDeg() - surfaceAzimuthDeg);
    double c = Math.cos(z) * Math.cos(beta) + Math.sin(z) * Math.sin(beta) * Math.cos(dAz);
    return Math.max(-1, Math.min(1, c));
  }

  /** The angle of incidence of the beam on the plane, degrees in [0, 180]. */
  public static double angleOfIncidenceDeg(
      SunPosition sun, double tiltDeg, double surfaceAzimuthDeg) {
    return Math.toDegrees(Math.acos(angleOfIncidenceCos(sun, tiltDeg, surfaceAzimuthDeg)));
  }

  /** Total plane-of-array irradiance, W/m². */
  public static double poaWm2(
      Irradiance irr,
      SunPosition sun,
      double tiltDeg,
      double surfaceAzimuthDeg,
      double albedo,
      TranspositionModel model,
      int dayOfYear) {
    return poaComponents(irr, sun, tiltDeg, surfaceAzimuthDeg, albedo, model, dayOfYear).totalWm2();
  }

  /** Plane-of-array irradiance by component (beam, sky diffuse, ground reflected), W/m². */
  public static PoaIrradiance poaComponents(
      Irradiance irr,
      SunPosition sun,
      double tiltDeg,
      double surfaceAzimuthDeg,
      double albedo,
      TranspositionModel model,
      int dayOfYear) {
    Objects.requireNonNull(model, "model");
    requirePlane(tiltDeg, surfaceAzimuthDeg, albedo);
    double cosAoi = angleOfIncidenceCos(sun, tiltDeg, surfaceAzimuthDeg);
    double beam = sun.isUp() ? irr.dniWm2() * Math.max(0, cosAoi) : 0;
    double sky =
        model == TranspositionModel.PEREZ && sun.zenithDeg() <= PEREZ_MAX_ZENITH_DEG
            ? PerezSkyDiffuse.skyDiffuseWm2(
                irr.dhiWm2(),
                irr.dniWm2(),
                ExtraterrestrialIrradiance.dniWm2(dayOfYear),
                sun.zenithDeg(),
                Atmosphere.relativeAirmass(sun.zenithDeg()),
                cosAoi,
                tiltDeg)
            : isotropicSkyWm2(irr.dhiWm2(), tiltDeg);
    return new PoaIrradiance(beam, sky, groundWm2(irr.ghiWm2(), tiltDeg, albedo));
  }

  /** Isotropic sky diffuse on the plane (Liu &amp; Jordan 1963): DHI (1 + cos β)/2. */
  public static double isotropicSkyWm2(double dhiWm2, double tiltDeg) {
    return dhiWm2 * (1 + Math.cos(Math.toRadians(tiltDeg))) / 2;
  }

  /** Ground-reflected irradiance on the plane: GHI · albedo · (1 − cos β)/2. */
  public static double groundWm2(double ghiWm2, double tiltDeg, double albedo) {
    return ghiWm2 * albedo * (1 - Math.cos(Math.toRadians(tiltDeg))) / 2;
  }

  private static void requirePlane(double tiltDeg, double azimuthDeg, double albedo) {
    if (!(tiltDeg >= 0 && tiltDeg <= 180)) {
      throw invalid("tilt " + tiltDeg + "° outside [0, 180]");
    }
    if (!(azimuthDeg >= 0 && azimuthDeg <= 360)) {
      throw invalid("surface azimuth " + azimuthDeg + "° outside [0, 360]");
    }
    if (!(albedo >= 0 && albedo <= 1)) {
      throw invalid("albedo " + albedo + " outside [0, 1]");
    }
  }

  private static GreenTwinException invalid(String what) {
    return new GreenTwinException(ErrorCode.ARGUMENT_INVALID, what);
  }
}
