package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.time.Instant;

/**
 * Energies of the data centre over any period, the input of every KPI.
 *
 * @param start start of the period, inclusive
 * @param end end of the period, exclusive; not before {@code start}
 * @param itKwh E_IT: energy used by the IT equipment, kWh
 * @param facilityKwh E_DC excluding the heat pump: IT plus all infrastructure, kWh; at least {@code
 *     itKwh}
 * @param heatPumpKwh electricity of the heat pump that lifts recovered heat, kWh; counted in E_DC
 *     only when the {@link DcBoundary} says it is inside
 * @param reuseKwh E_reuse: heat reused outside the data-centre boundary, kWh (ISO/IEC 30134-6)
 * @param waterLitres site water use, L (ISO/IEC 30134-9)
 * @param renewableOwnedKwh renewable energy owned or contracted, kWh: on-site PV self-consumed with
 *     its certificates kept, plus PPAs and certificates (ISO/IEC 30134-3)
 * @param gridImportKwh grid electricity that supplied {@code facilityKwh + heatPumpKwh}, kWh; other
 *     campus loads (EV charging, offices outside the DC) must not be in it, so it cannot exceed
 *     that sum
 * @param coolingKwh energy of the cooling subsystem (pumps, dry-cooler fans, chillers, CRAH fans),
 *     kWh, for pPUE; at most {@code facilityKwh}
 */
public record EnergyPeriod(
    Instant start,
    Instant end,
    double itKwh,
    double facilityKwh,
    double heatPumpKwh,
    double reuseKwh,
    double waterLitres,
    double renewableOwnedKwh,
    double gridImportKwh,
    double coolingKwh) {

  /** Relative slack for rounding when one energy is checked against a sum of others. */
  private static final double ROUNDING_SLACK = 1e-9;

  public EnergyPeriod {
    Require.present("start", start);
    Require.present("end", end);
    if (end.isBefore(start)) {
      throw Require.invalid("end (" + end + ") must not be before start (" + start + ")");
    }
    Require.nonNegative("itKwh", itKwh);
    Require.nonNegative("facilityKwh", facilityKwh);
    Require.nonNegative("heatPumpKwh", heatPumpKwh);
    Require.nonNegative("reuseKwh", reuseKwh);
    Require.nonNegative("waterLitres", waterLitres);
    Require.nonNegative("renewableOwnedKwh", renewableOwnedKwh);
    Require.nonNegative("gridImportKwh", gridImportKwh);
    Require.nonNegative("coolingKwh", coolingKwh);
    requireAtMost("itKwh", itKwh, "facilityKwh", facilityKwh);
    requireAtMost("coolingKwh", coolingKwh, "facilityKwh", facilityKwh);
    requireAtMost(
        "gridImportKwh", gridImportKwh, "facilityKwh + heatPumpKwh", facilityKwh + heatPumpKwh);
  }

  /** A period of zero length and zero energy at an instant: the start of a running sum. */
  public static EnergyPeriod empty(Instant at) {
    return new EnergyPeriod(at, at, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * Sum of two periods that do not overlap: every energy adds up and the period spans both (any gap
   * between them is spanned too, with no energy in it).
   *
   * @throws io.greentwin.error.GreenTwinException ({@code argument:invalid}) when the periods
   *     overlap, which would count energy twice
   */
  public EnergyPeriod plus(EnergyPeriod other) {
    Require.present("other", other);
    if (start.isBefore(other.end) && other.start.isBefore(end)) {
      throw Require.invalid(
          "periods overlap: ["
              + start
              + ", "
              + end
              + ") and ["
              + other.start
              + ", "
              + other.end
              + ")");
    }
    return new EnergyPeriod(
        start.isBefore(other.start) ? start : other.start,
        end.isAfter(other.end) ? end : other.end,
        itKwh + other.itKwh,
        facilityKwh + other.facilityKwh,
        heatPumpKwh + other.heatPumpKwh,
        reuseKwh + other.reuseKwh,
        waterLitres + other.waterLitres,
        renewableOwnedKwh + other.renewableOwnedKwh,
        gridImportKwh + other.gridImportKwh,
        coolingKwh + other.coolingKwh);
  }

  private static void requireAtMost(String name, double value, String limitName, double limit) {
    if (value > limit * (1 + ROUNDING_SLACK)) {
      throw Require.invalid(
          name + " (" + value + ") must not exceed " + limitName + " (" + limit + ")");
    }
  }
}
