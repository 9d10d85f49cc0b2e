package io.greentwin.kpi;

import io.greentwin.units.Require;
import java.util.Map;

/**
 * Average carbon intensity of a grid from its generation mix: Σ EF_i·gen_i / Σ gen_i (DOMAIN.md,
 * hourly intensity series).
 */
public final class GenerationMix {
  private GenerationMix() {}

  /**
   * Generation-weighted mean intensity, gCO2e/kWh.
   *
   * @param generationMwh generation per fuel in one interval, MWh, ≥ 0 (any energy unit works, the
   *     weights are relative); fuels absent from the map generated nothing
   * @param intensities life-cycle intensity per fuel, e.g. {@link
   *     LifecycleIntensities#IPCC_AR5_MEDIANS}
   * @throws io.greentwin.error.GreenTwinException ({@code argument:invalid}) when nothing was
   *     generated or a generation is negative
   */
  public static double averageIntensityGPerKwh(
      Map<Fuel, Double> generationMwh, LifecycleIntensities intensities) {
    Require.present("generationMwh", generationMwh);
    Require.present("intensities", intensities);
    double weighted = 0;
    double total = 0;
    for (Map.Entry<Fuel, Double> e : generationMwh.entrySet()) {
      String name = "generationMwh[" + e.getKey() + "]";
      double mwh = Require.nonNegative(name, Require.present(name, e.getValue()));
      weighted += intensities.of(e.getKey()) * mwh;
      total += mwh;
    }
    if (total == 0) {
      throw Require.invalid("the mix generated nothing: its average intensity is undefined");
    }
    return weighted / total;
  }
}
