package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridFactorTableTest {
  private final GridFactorTable china = ChinaGridFactors.table();

  /** Every factor DOMAIN.md lists (MEE/NBS), as the default table must hold it. */
  @ParameterizedTest(name = "{0} {1} {2} = {3}")
  @CsvSource({
    "2021, national, AVERAGE, 0.5568",
    "2022, national, AVERAGE, 0.5366",
    "2023, national, AVERAGE, 0.5306",
    "2022, national, EXCLUDING_MARKET_NON_FOSSIL, 0.5856",
    "2023, national, EXCLUDING_MARKET_NON_FOSSIL, 0.6096",
    "2023, national, FOSSIL_ONLY, 0.8273",
    "2023, north, AVERAGE, 0.6361",
    "2023, northeast, AVERAGE, 0.5122",
    "2023, east, AVERAGE, 0.5500",
    "2023, central, AVERAGE, 0.5271",
    "2023, northwest, AVERAGE, 0.5543",
    "2023, south, AVERAGE, 0.4042",
    "2023, southwest, AVERAGE, 0.2472",
    "2022, north, AVERAGE, 0.6776",
    "2022, northeast, AVERAGE, 0.5564",
    "2022, east, AVERAGE, 0.5617",
    "2022, central, AVERAGE, 0.5395",
    "2022, northwest, AVERAGE, 0.5857",
    "2022, south, AVERAGE, 0.3869",
    "2022, southwest, AVERAGE, 0.2268",
    "2022, hebei, AVERAGE, 0.7252",
    "2022, yunnan, AVERAGE, 0.1073"
  })
  void holdsEveryFactorDomainLists(int year, String region, GridFactorBasis basis, double kg) {
    assertThat(china.kgPerKwh(year, region, basis)).isEqualTo(kg);
  }

  @Test
  void holdsNothingBeyondWhatDomainLists() {
    assertThat(china.factors()).hasSize(22);
  }

  @Test
  void regionIdsIgnoreCaseAndSurroundingSpace() {
    assertThat(china.kgPerKwh(2023, " North ")).isEqualTo(0.6361);
  }

  @Test
  void residualMixIsTheNationalFactorWithoutMarketTradedNonFossil() {
    assertThat(china.residualMixKgPerKwh(2023)).isEqualTo(0.6096);
    assertRejected(() -> china.residualMixKgPerKwh(2021), "years: 2022, 2023");
  }

  @Test
  void unknownYearNamesTheYearsThereAre() {
    assertRejected(() -> china.kgPerKwh(2020, "national"), "years: 2021, 2022, 2023");
  }

  @Test
  void unknownRegionNamesTheRegionsOfThatYear() {
    assertRejected(
        () -> china.kgPerKwh(2023, "tibet"),
        "regions: central, east, national, north, northeast, northwest, south, southwest");
  }

  @Test
  void rejectsTwoFactorsForTheSameKey() {
    assertRejected(
        () ->
            new GridFactorTable(
                List.of(
                    new GridFactor(2023, "north", GridFactorBasis.AVERAGE, 0.6),
                    new GridFactor(2023, "NORTH", GridFactorBasis.AVERAGE, 0.7))),
        "two grid factors for 2023, north");
  }
}
