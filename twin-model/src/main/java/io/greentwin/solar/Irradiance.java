package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;

/**
 * The three components of sunlight at the ground.
 *
 * @param ghiWm2 global horizontal irradiance, W/m²
 * @param dniWm2 direct normal irradiance, W/m²
 * @param dhiWm2 diffuse horizontal irradiance, W/m²
 */
public record Irradiance(double ghiWm2, double dniWm2, double dhiWm2) {

  public Irradiance {
    require("ghi", ghiWm2);
    require("dni", dniWm2);
    require("dhi", dhiWm2);
  }

  /** No sunlight. */
  public static Irradiance dark() {
    return new Irradiance(0, 0, 0);
  }

  private static void require(String name, double valueWm2) {
    if (!(Double.isFinite(valueWm2) && valueWm2 >= 0)) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, name + " " + valueWm2 + " W/m² must be finite and >= 0");
    }
  }
}
