package io.greentwin.jobs.kpi;

import io.greentwin.kpi.EnergyPeriod;
import java.time.Instant;

/**
 * The energies of one hall, building or the site over one window, the input of its KPIs. Metered
 * where the campus meters it (IT by rack or building meter, facility by building meter); the rest
 * (shared plant, heat pump, reuse, water, PV) is the site's, allocated by IT-energy share, and
 * {@link #allocated} says so.
 *
 * @param levelId thing id of the hall, building or site
 * @param level {@code hall}, {@code building} or {@code site}
 * @param windowStartMs window start, epoch ms, inclusive
 * @param windowEndMs window end, epoch ms, exclusive
 * @param itKwh E_IT
 * @param facilityKwh facility energy (E_DC without the heat pump); for a hall, its IT share of its
 *     building's meter
 * @param heatPumpKwh the heat pump's electricity
 * @param coolingKwh metered cooling plant (primary pumps, dry-cooler fans, trim chiller)
 * @param heatExportedKwh heat delivered at the customers' heat meters
 * @param reuseKwh E_reuse: heat reused outside the DC boundary (exported heat less the heat pump's
 *     electricity when the heat pump is outside the boundary)
 * @param waterL site water use, litres
 * @param renewableKwh self-consumed PV counted as renewable (certificates kept)
 * @param gridImportKwh grid electricity that supplied facility and heat pump
 * @param freeCoolingHeatKwh heat rejected by the dry coolers
 * @param mechanicalCoolingHeatKwh heat removed by the chiller
 * @param allocated true when some energies are allocated rather than metered at this level
 */
public record LevelEnergy(
    String levelId,
    String level,
    long windowStartMs,
    long windowEndMs,
    double itKwh,
    double facilityKwh,
    double heatPumpKwh,
    double coolingKwh,
    double heatExportedKwh,
    double reuseKwh,
    double waterL,
    double renewableKwh,
    double gridImportKwh,
    double freeCoolingHeatKwh,
    double mechanicalCoolingHeatKwh,
    boolean allocated) {

  /** The sum of two windows of the same level; the window spans both. */
  LevelEnergy plus(LevelEnergy o) {
    return new LevelEnergy(
        levelId,
        level,
        Math.min(windowStartMs, o.windowStartMs),
        Math.max(windowEndMs, o.windowEndMs),
        itKwh + o.itKwh,
        facilityKwh + o.facilityKwh,
        heatPumpKwh + o.heatPumpKwh,
        coolingKwh + o.coolingKwh,
        heatExportedKwh + o.heatExportedKwh,
        reuseKwh + o.reuseKwh,
        waterL + o.waterL,
        renewableKwh + o.renewableKwh,
        gridImportKwh + o.gridImportKwh,
        freeCoolingHeatKwh + o.freeCoolingHeatKwh,
        mechanicalCoolingHeatKwh + o.mechanicalCoolingHeatKwh,
        allocated || o.allocated);
  }

  /** The same energies over another window. */
  LevelEnergy over(long startMs, long endMs) {
    return new LevelEnergy(
        levelId,
        level,
        startMs,
        endMs,
        itKwh,
        facilityKwh,
        heatPumpKwh,
        coolingKwh,
        heatExportedKwh,
        reuseKwh,
        waterL,
        renewableKwh,
        gridImportKwh,
        freeCoolingHeatKwh,
        mechanicalCoolingHeatKwh,
        allocated);
  }

  /** The window's length in hours. */
  double hours() {
    return (windowEndMs - windowStartMs) / 3_600_000.0;
  }

  /** Share of the heat rejected to ambient that needed no compressor; NaN when none was. */
  double freeCoolingShare() {
    double total = freeCoolingHeatKwh + mechanicalCoolingHeatKwh;
    return total == 0 ? Double.NaN : freeCoolingHeatKwh / total;
  }

  /** True when the energies satisfy {@link EnergyPeriod}'s invariants (IT within facility). */
  boolean consistent() {
    return itKwh <= facilityKwh * (1 + 1e-9);
  }

  /** The KPI input of twin-model's {@link io.greentwin.kpi.KpiCalculator}. */
  EnergyPeriod toPeriod() {
    return new EnergyPeriod(
        Instant.ofEpochMilli(windowStartMs),
        Instant.ofEpochMilli(windowEndMs),
        itKwh,
        facilityKwh,
        heatPumpKwh,
        reuseKwh,
        waterL,
        renewableKwh,
        gridImportKwh,
        coolingKwh);
  }
}
