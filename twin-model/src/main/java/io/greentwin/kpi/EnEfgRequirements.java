package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Germany's Energy Efficiency Act (Energieeffizienzgesetz, EnEfG 2023, § 11) for new data centres:
 * a PUE cap and a minimum energy reuse factor that rises with the date operation starts. Sites that
 * started before the first date fall under the existing-site rules, which are not modelled here.
 *
 * @param newSiteMaxPue PUE cap for a new site
 * @param minErfFrom minimum ERF for sites starting operation on or after each date; the first date
 *     is the one from which the new-site rules apply
 */
public record EnEfgRequirements(double newSiteMaxPue, NavigableMap<LocalDate, Double> minErfFrom) {

  /**
   * EnEfG § 11 (as in DOMAIN.md): sites starting operation from 1 July 2026 PUE ≤ 1.2 and ERF ≥ 10
   * %, from 1 July 2027 ERF ≥ 15 %, from 1 July 2028 ERF ≥ 20 %.
   */
  public static final EnEfgRequirements ENEFG_2023 =
      new EnEfgRequirements(
          1.2,
          new TreeMap<>(
              Map.of(
                  LocalDate.of(2026, 7, 1), 0.10,
                  LocalDate.of(2027, 7, 1), 0.15,
                  LocalDate.of(2028, 7, 1), 0.20)));

  public EnEfgRequirements {
    Require.positive("newSiteMaxPue", newSiteMaxPue);
    NavigableMap<LocalDate, Double> sorted =
        new TreeMap<>(Require.present("minErfFrom", minErfFrom));
    if (sorted.isEmpty()) {
      throw Require.invalid("minErfFrom needs at least the date from which the rules apply");
    }
    sorted.forEach((date, erf) -> Require.fraction("minErfFrom[" + date + "]", erf));
    minErfFrom = Collections.unmodifiableNavigableMap(sorted);
  }

  /** Whether a site starting operation on a date is a new site under these rules. */
  public boolean appliesTo(LocalDate operationStart) {
    return !operationStart.isBefore(firstDate());
  }

  /** Checks a new site's annual PUE and ERF; a site older than the rules passes with no finding. */
  public ComplianceResult checkNewSite(LocalDate operationStart, double pue, double erf) {
    Require.present("operationStart", operationStart);
    Require.positive("pue", pue);
    Require.nonNegative("erf", erf);
    List<String> findings = new ArrayList<>();
    if (!appliesTo(operationStart)) {
      return ComplianceResult.of(findings);
    }
    if (pue > newSiteMaxPue) {
      findings.add("PUE " + pue + " exceeds the new-site cap " + newSiteMaxPue);
    }
    double minErf = minErfFrom.floorEntry(operationStart).getValue();
    if (erf < minErf) {
      findings.add(
          "ERF " + erf + " is below " + minErf + " required for operation from " + operationStart);
    }
    return ComplianceResult.of(findings);
  }

  private LocalDate firstDate() {
    return minErfFrom.firstKey();
  }
}
