package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;

/**
 * Plane-of-array irradiance by component.
 *
 * @param beamWm2 direct beam on the plane, DNI cos(AOI)
 * @param skyDiffuseWm2 sky diffuse on the plane
 * @param groundWm2 ground-reflected irradiance on the plane
 */
public record PoaIrradiance(double beamWm2, double skyDiffuseWm2, double groundWm2) {

  public PoaIrradiance {
    if (!(beamWm2 >= 0 && skyDiffuseWm2 >= 0 && groundWm2 >= 0)
        || !Double.isFinite(beamWm2 + skyDiffuseWm2 + groundWm2)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "POA components must be finite and >= 0: "
              + beamWm2
              + ", "
              + skyDiffuseWm2
              + ", "
              + groundWm2);
    }
  }

  /** Total plane-of-array irradiance, W/m². */
  public double totalWm2() {
    return beamWm2 + skyDiffuseWm2 + groundWm2;
  }
}
