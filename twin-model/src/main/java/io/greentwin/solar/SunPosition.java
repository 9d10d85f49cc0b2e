package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;

/**
 * Where the sun is in the sky, as seen from a site.
 *
 * @param zenithDeg apparent (refraction-corrected) zenith angle, degrees from vertical, [0, 180]
 * @param azimuthDeg azimuth, degrees clockwise from north (east 90, south 180), [0, 360]
 */
public record SunPosition(double zenithDeg, double azimuthDeg) {

  public SunPosition {
    if (!(zenithDeg >= 0 && zenithDeg <= 180)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, "sun zenith " + zenithDeg + "° outside [0, 180]");
    }
    if (!(azimuthDeg >= 0 && azimuthDeg <= 360)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, "sun azimuth " + azimuthDeg + "° outside [0, 360]");
    }
  }

  /** Elevation above the horizon, degrees: 90 − zenith (negative when the sun is down). */
  public double elevationDeg() {
    return 90 - zenithDeg;
  }

  /** True when the sun's centre is above the horizon (zenith below 90°). */
  public boolean isUp() {
    return zenithDeg < 90;
  }
}
