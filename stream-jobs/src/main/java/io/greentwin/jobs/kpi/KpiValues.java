package io.greentwin.jobs.kpi;

import io.greentwin.kpi.KpiCalculator;
import io.greentwin.kpi.Kpis;
import java.util.ArrayList;
import java.util.List;

/**
 * The KPIs of one level and window as named values with their UCUM units, the one list both the
 * twin's {@code kpi} feature and the KPI readings are written from. Mean powers are the window's
 * energy over its length. An undefined ratio (no IT energy) is NaN.
 */
final class KpiValues {
  /** One named value; the name carries its unit. */
  record Value(String name, double value, String unit) {}

  private static final String KW = "kW";
  private static final String RATIO = "1";

  private KpiValues() {}

  /** The values of a level's window; the KPIs are NaN when its energies are inconsistent. */
  static List<Value> of(LevelEnergy e, KpiCalculator calculator, double gridFactorKgPerKwh) {
    double h = e.hours();
    List<Value> v = new ArrayList<>();
    v.add(new Value("itPowerKw", e.itKwh() / h, KW));
    v.add(new Value("facilityPowerKw", e.facilityKwh() / h, KW));
    v.add(new Value("coolingPowerKw", e.coolingKwh() / h, KW));
    v.add(new Value("heatPumpPowerKw", e.heatPumpKwh() / h, KW));
    v.add(new Value("heatExportedKw", e.heatExportedKwh() / h, KW));
    v.add(new Value("heatReusedKw", e.reuseKwh() / h, KW));
    v.add(new Value("renewablePowerKw", e.renewableKwh() / h, KW));
    v.add(new Value("gridImportKw", e.gridImportKwh() / h, KW));
    v.add(new Value("itEnergyKwh", e.itKwh(), "kW.h"));
    v.add(new Value("facilityEnergyKwh", e.facilityKwh(), "kW.h"));
    v.add(new Value("waterL", e.waterL(), "L"));
    v.add(new Value("freeCoolingShare", e.freeCoolingShare(), RATIO));
    Kpis k = e.consistent() ? calculator.compute(e.toPeriod(), gridFactorKgPerKwh) : null;
    v.add(new Value("pue", k == null ? Double.NaN : k.pue(), RATIO));
    v.add(new Value("ppueCooling", k == null ? Double.NaN : k.ppueCooling(), RATIO));
    v.add(new Value("erf", k == null ? Double.NaN : k.erf(), RATIO));
    v.add(new Value("ere", k == null ? Double.NaN : k.ere(), RATIO));
    v.add(new Value("ref", k == null ? Double.NaN : k.ref(), RATIO));
    v.add(new Value("cueKgCo2PerKwh", k == null ? Double.NaN : k.cue(), "kg/(kW.h)"));
    v.add(new Value("wueLPerKwh", k == null ? Double.NaN : k.wue(), "L/(kW.h)"));
    v.add(new Value("co2Kg", k == null ? Double.NaN : k.co2Kg(), "kg"));
    return v;
  }
}
