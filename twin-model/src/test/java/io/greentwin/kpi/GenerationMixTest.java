package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationMixTest {

  @Test
  void averageIsGenerationWeighted() {
    // 3 parts coal (820) to 1 part wind (11): (3·820 + 11) / 4 = 617.75 g/kWh.
    double g =
        GenerationMix.averageIntensityGPerKwh(
            Map.of(Fuel.COAL, 300.0, Fuel.WIND, 100.0), LifecycleIntensities.IPCC_AR5_MEDIANS);
    assertThat(g).isEqualTo(617.75, within(1e-9));
  }

  @Test
  void ipccAr5MediansAreTheOnesDomainListsForEveryFuel() {
    Map<Fuel, Double> expected = new EnumMap<>(Fuel.class);
    expected.putAll(
        Map.of(
            Fuel.WIND, 11.0,
            Fuel.SOLAR, 41.0,
            Fuel.HYDRO, 24.0,
            Fuel.OIL, 650.0,
            Fuel.GAS, 490.0,
            Fuel.COAL, 820.0,
            Fuel.NUCLEAR, 12.0,
            Fuel.OTHER, 230.0));
    assertThat(LifecycleIntensities.IPCC_AR5_MEDIANS.gCo2PerKwh()).isEqualTo(expected);
  }

  @Test
  void customIntensitiesReplaceTheDefaults() {
    Map<Fuel, Double> flat = new EnumMap<>(Fuel.class);
    for (Fuel f : Fuel.values()) {
      flat.put(f, 100.0);
    }
    flat.put(Fuel.SOLAR, 48.0); // AR5 utility-scale PV instead of rooftop
    double g =
        GenerationMix.averageIntensityGPerKwh(
            Map.of(Fuel.SOLAR, 1.0, Fuel.GAS, 1.0), new LifecycleIntensities(flat));
    assertThat(g).isEqualTo(74, within(1e-12));
  }

  @Test
  void eiaCodesMapToFuels() {
    assertThat(Fuel.fromEiaCode("NG")).isEqualTo(Fuel.GAS);
    assertThat(Fuel.fromEiaCode("WAT")).isEqualTo(Fuel.HYDRO);
    assertRejected(() -> Fuel.fromEiaCode("GEO"), "known: WND, SUN, WAT, OIL, NG, COL, NUC, OTH");
  }

  @Test
  void rejectsAMixThatGeneratedNothingOrLessThanNothing() {
    assertRejected(
        () ->
            GenerationMix.averageIntensityGPerKwh(
                Map.of(Fuel.COAL, 0.0), LifecycleIntensities.IPCC_AR5_MEDIANS),
        "generated nothing");
    assertRejected(
        () ->
            GenerationMix.averageIntensityGPerKwh(
                Map.of(Fuel.COAL, 10.0, Fuel.HYDRO, -5.0), LifecycleIntensities.IPCC_AR5_MEDIANS),
        "generationMwh[HYDRO]");
  }

  @Test
  void rejectsIntensitiesMissingAFuel() {
    assertRejected(() -> new LifecycleIntensities(Map.of(Fuel.COAL, 820.0)), "gCo2PerKwh[WIND]");
  }
}
