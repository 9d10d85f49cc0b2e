package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Life-cycle emission intensity of every fuel, gCO2e/kWh.
 *
 * @param gCo2PerKwh one value ≥ 0 for every {@link Fuel}
 */
public record LifecycleIntensities(Map<Fuel, Double> gCo2PerKwh) {

  /**
   * Life-cycle medians, gCO2e/kWh, from IPCC AR5 WG III (2014), Annex III, Table A.III.2: wind
   * (onshore) 11, solar (PV rooftop) 41, hydro 24, gas (combined cycle) 490, coal (PC) 820, nuclear
   * 12, other (biomass, dedicated) 230. Oil 650 is not in that table; it is the value the CISO
   * dataset in shared/data uses (DOMAIN.md lists all eight).
   */
  public static final LifecycleIntensities IPCC_AR5_MEDIANS =
      new LifecycleIntensities(
          Map.of(
              Fuel.WIND, 11.0,
              Fuel.SOLAR, 41.0,
              Fuel.HYDRO, 24.0,
              Fuel.OIL, 650.0,
              Fuel.GAS, 490.0,
              Fuel.COAL, 820.0,
              Fuel.NUCLEAR, 12.0,
              Fuel.OTHER, 230.0));

  public LifecycleIntensities {
    Map<Fuel, Double> copy = new EnumMap<>(Fuel.class);
    copy.putAll(Require.present("gCo2PerKwh", gCo2PerKwh));
    for (Fuel f : Fuel.values()) {
      String name = "gCo2PerKwh[" + f + "]";
      Require.nonNegative(name, Require.present(name, copy.get(f)));
    }
    gCo2PerKwh = Collections.unmodifiableMap(copy);
  }

  /** Intensity of one fuel, gCO2e/kWh. */
  public double of(Fuel fuel) {
    return gCo2PerKwh.get(fuel);
  }
}
