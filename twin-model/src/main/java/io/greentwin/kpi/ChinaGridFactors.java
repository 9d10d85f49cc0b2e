package io.greentwin.kpi;

import static io.greentwin.kpi.GridFactorBasis.AVERAGE;
import static io.greentwin.kpi.GridFactorBasis.EXCLUDING_MARKET_NON_FOSSIL;
import static io.greentwin.kpi.GridFactorBasis.FOSSIL_ONLY;

import java.util.List;

/**
 * China's published electricity CO2 emission factors, kgCO2/kWh, as the default {@link
 * GridFactorTable}. Source of every value: Ministry of Ecology and Environment (MEE) and National
 * Bureau of Statistics (NBS), the electricity CO2 emission factors for 2021, 2022 and 2023 (each
 * published one to two years after the year it describes), as collected in DOMAIN.md. Regional
 * grids: North (Beijing, Tianjin, Hebei, Shanxi, Shandong, western Inner Mongolia), Northeast,
 * East, Central, Northwest, South, Southwest.
 */
public final class ChinaGridFactors {
  private ChinaGridFactors() {}

  /** Region id of the national average. */
  public static final String NATIONAL = "national";

  /** Region id of the North China grid, which serves the demo campus at Langfang, Hebei. */
  public static final String NORTH = "north";

  public static final String NORTHEAST = "northeast";
  public static final String EAST = "east";
  public static final String CENTRAL = "central";
  public static final String NORTHWEST = "northwest";
  public static final String SOUTH = "south";
  public static final String SOUTHWEST = "southwest";

  /** Region id of Hebei province (provincial factors, 2022). */
  public static final String HEBEI = "hebei";

  /** Region id of Yunnan province (provincial factors, 2022). */
  public static final String YUNNAN = "yunnan";

  /** The MEE/NBS factors listed in DOMAIN.md, as a table. */
  public static GridFactorTable table() {
    return new GridFactorTable(
        List.of(
            // National averages: MEE/NBS factors for 2021, 2022 and 2023.
            new GridFactor(2021, NATIONAL, AVERAGE, 0.5568),
            new GridFactor(2022, NATIONAL, AVERAGE, 0.5366),
            new GridFactor(2023, NATIONAL, AVERAGE, 0.5306),
            // National excluding market-traded non-fossil power (residual-mix proxy): MEE/NBS.
            new GridFactor(2022, NATIONAL, EXCLUDING_MARKET_NON_FOSSIL, 0.5856),
            new GridFactor(2023, NATIONAL, EXCLUDING_MARKET_NON_FOSSIL, 0.6096),
            // National fossil-only: MEE/NBS factors for 2023.
            new GridFactor(2023, NATIONAL, FOSSIL_ONLY, 0.8273),
            // Regional grids 2022: MEE/NBS factors for 2022.
            new GridFactor(2022, NORTH, AVERAGE, 0.6776),
            new GridFactor(2022, NORTHEAST, AVERAGE, 0.5564),
            new GridFactor(2022, EAST, AVERAGE, 0.5617),
            new GridFactor(2022, CENTRAL, AVERAGE, 0.5395),
            new GridFactor(2022, NORTHWEST, AVERAGE, 0.5857),
            new GridFactor(2022, SOUTH, AVERAGE, 0.3869),
            new GridFactor(2022, SOUTHWEST, AVERAGE, 0.2268),
            // Regional grids 2023: MEE/NBS factors for 2023.
            new GridFactor(2023, NORTH, AVERAGE, 0.6361),
            new GridFactor(2023, NORTHEAST, AVERAGE, 0.5122),
            new GridFactor(2023, EAST, AVERAGE, 0.5500),
            new GridFactor(2023, CENTRAL, AVERAGE, 0.5271),
            new GridFactor(2023, NORTHWEST, AVERAGE, 0.5543),
            new GridFactor(2023, SOUTH, AVERAGE, 0.4042),
            new GridFactor(2023, SOUTHWEST, AVERAGE, 0.2472),
            // Provinces 2022: MEE/NBS provincial factors for 2022 (two of them, as examples).
            new GridFactor(2022, HEBEI, AVERAGE, 0.7252),
            new GridFactor(2022, YUNNAN, AVERAGE, 0.1073)));
  }
}
