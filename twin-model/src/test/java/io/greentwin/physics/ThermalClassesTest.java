package io.greentwin.physics;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThermalClassesTest {
  private final ThermalClasses ashrae = ThermalClasses.ashrae2021();

  @Test
  void recommendedAirRangeIs18To27() {
    assertThat(ashrae.isRecommendedAir(18)).isTrue();
    assertThat(ashrae.isRecommendedAir(27)).isTrue();
    assertThat(ashrae.isRecommendedAir(17.9)).isFalse();
    assertThat(ashrae.isRecommendedAir(27.1)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "22, A1", "15, A1", "32, A1", "12, A2", "35, A2", "38, A3", "5, A3", "42, A4", "45, A4"
  })
  void classifiesAnInletByTheTightestClassThatAllowsIt(double inletC, AshraeAirClass expected) {
    assertThat(ashrae.classifyAirInlet(inletC)).contains(expected);
  }

  @Test
  void noClassAllowsAirBelow5OrAbove45() {
    assertThat(ashrae.classifyAirInlet(4.9)).isEqualTo(Optional.empty());
    assertThat(ashrae.classifyAirInlet(45.1)).isEqualTo(Optional.empty());
  }

  @Test
  void a2AllowsWhatA1DoesNot() {
    assertThat(ashrae.isAllowableAir(AshraeAirClass.A1, 34)).isFalse();
    assertThat(ashrae.isAllowableAir(AshraeAirClass.A2, 34)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "12, W17",
    "17, W17",
    "17.5, W27",
    "27, W27",
    "30, W32",
    "40, W40",
    "45, W45",
    "50, W_PLUS"
  })
  void classifiesFacilityWaterByItsMaximumSupply(double supplyC, AshraeWaterClass expected) {
    assertThat(ashrae.classifyFacilityWater(supplyC)).isEqualTo(expected);
  }

  @Test
  void theCampusWarmWaterDesignIsW45OrWPlus() {
    // DOMAIN.md: a 45–50 °C warm-water design is W45/W+.
    assertThat(ashrae.classifyFacilityWater(45)).isEqualTo(AshraeWaterClass.W45);
    assertThat(ashrae.classifyFacilityWater(45.5)).isEqualTo(AshraeWaterClass.W_PLUS);
  }

  @Test
  void rejectsConfigMissingAClass() {
    assertRejected(
        () ->
            new ThermalClasses(
                new TemperatureRangeC(18, 27),
                Map.of(AshraeAirClass.A1, new TemperatureRangeC(15, 32)),
                ashrae.waterMaxSupplyC()),
        "allowableAir[A2]");
    assertRejected(
        () ->
            new ThermalClasses(
                ashrae.recommendedAir(),
                ashrae.allowableAir(),
                Map.of(AshraeWaterClass.W17, 17.0, AshraeWaterClass.W_PLUS, 60.0)),
        "waterMaxSupplyC needs exactly");
  }

  @Test
  void rejectsWaterLimitsThatDoNotRise() {
    assertRejected(
        () ->
            new ThermalClasses(
                ashrae.recommendedAir(),
                ashrae.allowableAir(),
                Map.of(
                    AshraeWaterClass.W17, 17.0,
                    AshraeWaterClass.W27, 27.0,
                    AshraeWaterClass.W32, 26.0,
                    AshraeWaterClass.W40, 40.0,
                    AshraeWaterClass.W45, 45.0)),
        "must rise");
  }
}
