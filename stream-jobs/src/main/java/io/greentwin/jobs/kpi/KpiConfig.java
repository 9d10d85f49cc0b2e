package io.greentwin.jobs.kpi;

import io.greentwin.campus.Campus;
import io.greentwin.campus.GridConfig;
import io.greentwin.kpi.ChinaGridFactors;
import io.greentwin.kpi.DcBoundary;
import io.greentwin.units.Require;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * What the KPI job needs beyond the readings.
 *
 * @param boundary where the heat pump sits relative to the data-centre boundary (DOMAIN.md, KPIs)
 * @param gridFactorKgPerKwh location-based grid emission factor for CUE, kgCO2/kWh
 * @param pvCertificatesKept whether the campus keeps the certificates of its self-consumed PV, so
 *     that it counts as renewable in REF (ISO/IEC 30134-3: PV whose certificates are sold does not)
 * @param maxHold how long a power reading is held (sample-and-hold) when no newer one comes; after
 *     that the sensor contributes nothing until it reports again
 */
public record KpiConfig(
    DcBoundary boundary, double gridFactorKgPerKwh, boolean pvCertificatesKept, Duration maxHold)
    implements Serializable {

  /** Default hold of a silent power sensor: 5 minutes. */
  public static final Duration DEFAULT_MAX_HOLD = Duration.ofMinutes(5);

  public KpiConfig {
    Require.present("boundary", boundary);
    Require.nonNegative("gridFactorKgPerKwh", gridFactorKgPerKwh);
    Require.present("maxHold", maxHold);
    if (maxHold.isNegative() || maxHold.isZero()) {
      throw Require.invalid("maxHold must be positive but was " + maxHold);
    }
  }

  /**
   * The campus defaults: its configured boundary, its grid factor (the explicit {@code
   * grid.emissionFactorKgPerKwh}, else the MEE/NBS factor of {@code grid.region} in {@code
   * grid.factorYear}), certificates kept, {@link #DEFAULT_MAX_HOLD}.
   */
  public static KpiConfig of(Campus campus) {
    GridConfig grid = campus.config().grid();
    double factor =
        grid.emissionFactorKgPerKwh() != null
            ? grid.emissionFactorKgPerKwh()
            : ChinaGridFactors.table().kgPerKwh(grid.factorYear(), grid.region());
    return new KpiConfig(boundary(campus.config().dcBoundary()), factor, true, DEFAULT_MAX_HOLD);
  }

  /** The boundary for a config value such as {@code heat-pump-outside}. */
  static DcBoundary boundary(String configValue) {
    String v = configValue == null ? "heat-pump-outside" : configValue;
    return DcBoundary.valueOf(v.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The same config with another grid factor. */
  public KpiConfig withGridFactor(double kgCo2PerKwh) {
    return new KpiConfig(boundary, kgCo2PerKwh, pvCertificatesKept, maxHold);
  }
}
