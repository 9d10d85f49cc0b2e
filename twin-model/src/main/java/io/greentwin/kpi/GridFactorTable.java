package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Grid emission factors keyed by year, region and basis, from config or {@link
 * ChinaGridFactors#table()}. Immutable; lookups that miss name what the table holds.
 */
public final class GridFactorTable {
  private record Key(int year, String region, GridFactorBasis basis) {}

  private final List<GridFactor> factors;
  private final Map<Key, Double> byKey;

  /**
   * @param factors the entries, no two with the same year, region and basis
   */
  public GridFactorTable(List<GridFactor> factors) {
    this.factors = List.copyOf(Require.present("factors", factors));
    Map<Key, Double> map = new HashMap<>();
    for (GridFactor f : this.factors) {
      if (map.put(new Key(f.year(), f.region(), f.basis()), f.kgCo2PerKwh()) != null) {
        throw Require.invalid(
            "two grid factors for " + f.year() + ", " + f.region() + ", " + f.basis());
      }
    }
    this.byKey = Map.copyOf(map);
  }

  /** Every entry, in the order given. */
  public List<GridFactor> factors() {
    return factors;
  }

  /** Grid-average factor of a region in a year, kgCO2/kWh. */
  public double kgPerKwh(int year, String region) {
    return kgPerKwh(year, region, GridFactorBasis.AVERAGE);
  }

  /**
   * Factor of a region in a year on a basis, kgCO2/kWh.
   *
   * @throws io.greentwin.error.GreenTwinException ({@code argument:invalid}) naming the years the
   *     table has for that region and basis, or the regions it has for that year and basis
   */
  public double kgPerKwh(int year, String region, GridFactorBasis basis) {
    String id = GridFactor.normalise(region);
    Require.present("basis", basis);
    Double factor = byKey.get(new Key(year, id, basis));
    if (factor != null) {
      return factor;
    }
    String years = allowed(f -> f.region().equals(id) && f.basis() == basis, f -> "" + f.year());
    if (!years.isEmpty()) {
      throw Require.invalid(
          "no " + basis + " grid factor for " + id + " in " + year + "; years: " + years);
    }
    String regions = allowed(f -> f.year() == year && f.basis() == basis, GridFactor::region);
    if (regions.isEmpty()) {
      regions = "none in that year; years: " + allowed(f -> true, f -> "" + f.year());
    }
    throw Require.invalid(
        String.format(
            "no %s grid factor for region '%s' in %d; regions: %s", basis, id, year, regions));
  }

  /**
   * Residual-mix proxy for market-based Scope 2: the national factor excluding market-traded
   * non-fossil power, kgCO2/kWh.
   */
  public double residualMixKgPerKwh(int year) {
    return kgPerKwh(year, ChinaGridFactors.NATIONAL, GridFactorBasis.EXCLUDING_MARKET_NON_FOSSIL);
  }

  private String allowed(Predicate<GridFactor> filter, Function<GridFactor, String> label) {
    return String.join(
        ", ",
        factors.stream().filter(filter).map(label).collect(Collectors.toCollection(TreeSet::new)));
  }
}
