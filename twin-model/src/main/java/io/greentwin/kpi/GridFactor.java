package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.util.Locale;

/**
 * One published grid emission factor.
 *
 * @param year the year the factor describes (not the year it was published)
 * @param region region id, stored lower-case: {@code national}, a regional grid ({@code north},
 *     {@code northwest}, ...) or a province ({@code hebei}, ...)
 * @param basis what generation it covers
 * @param kgCo2PerKwh the factor, kgCO2/kWh
 */
public record GridFactor(int year, String region, GridFactorBasis basis, double kgCo2PerKwh) {
  public GridFactor {
    region = normalise(region);
    Require.present("basis", basis);
    Require.nonNegative("kgCo2PerKwh", kgCo2PerKwh);
  }

  /** A region id as the table keys it: trimmed, lower-case; blank is rejected. */
  static String normalise(String region) {
    String id = Require.present("region", region).strip().toLowerCase(Locale.ROOT);
    if (id.isEmpty()) {
      throw Require.invalid("region must not be blank");
    }
    return id;
  }
}
