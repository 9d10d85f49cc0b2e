package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.time.Instant;
import java.util.Objects;

/**
 * What a PV array produces for one weather sample.
 *
 * @param time the weather sample's stamp
 * @param poaWm2 plane-of-array irradiance before the cover's reflection loss (as PVWatts reports)
 * @param cellTempC cell temperature, °C
 * @param dcKw DC power after system losses, kW
 * @param acKw AC power out of the inverter, kW
 */
public record PvOutput(Instant time, double poaWm2, double cellTempC, double dcKw, double acKw) {

  public PvOutput {
    Objects.requireNonNull(time, "time");
    if (!Double.isFinite(poaWm2 + cellTempC + dcKw + acKw)) {
      throw new GreenTwinException(
          ErrorCode.INTERNAL,
          "PV output at "
              + time
              + " is not finite: "
              + poaWm2
              + ", "
              + cellTempC
              + ", "
              + dcKw
              + ", "
              + acKw);
    }
  }
}
