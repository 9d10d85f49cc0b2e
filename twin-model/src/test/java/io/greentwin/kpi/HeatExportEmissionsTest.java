package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentwin.units.Units;
import org.junit.jupiter.api.Test;

class HeatExportEmissionsTest {

  @Test
  void fourGigawattHoursOfHeatAvoid1584Tonnes() {
    // DOMAIN.md check: 4.0 GWh_th at 0.396 kg/kWh_th → 1,584 t (heat pump inside E_DC).
    double kg =
        HeatExportEmissions.avoidedKg(
            4_000_000,
            1_000_000,
            DcBoundary.HEAT_PUMP_INSIDE,
            HeatExportEmissions.GB_T_32150_PURCHASED_HEAT_KG_PER_KWH_TH,
            0.6361);
    assertThat(Units.kgToT(kg)).isEqualTo(1584, within(1e-9));
  }

  @Test
  void heatPumpOutsideTheBoundaryIsChargedAtTheGridFactor() {
    // 4,000,000 · 0.396 − 935,000 · 0.6361 = 1,584,000 − 594,753.5 kg.
    double kg =
        HeatExportEmissions.avoidedKg(
            4_000_000,
            935_000,
            DcBoundary.HEAT_PUMP_OUTSIDE,
            HeatExportEmissions.GB_T_32150_PURCHASED_HEAT_KG_PER_KWH_TH,
            0.6361);
    assertThat(kg).isEqualTo(989_246.5, within(1e-6));
  }

  @Test
  void displacingGasAvoidsLessThanDisplacingCoalAndCanGoNegative() {
    double coal =
        HeatExportEmissions.avoidedKg(
            1000,
            300,
            DcBoundary.HEAT_PUMP_OUTSIDE,
            HeatExportEmissions.COAL_BOILER_KG_PER_KWH_TH,
            0.8);
    double gas =
        HeatExportEmissions.avoidedKg(
            1000,
            300,
            DcBoundary.HEAT_PUMP_OUTSIDE,
            HeatExportEmissions.GAS_BOILER_KG_PER_KWH_TH,
            0.8);
    assertThat(coal).isEqualTo(190, within(1e-9));
    assertThat(gas).isEqualTo(-20, within(1e-9));
  }

  @Test
  void gbT32150FactorIsPointElevenTonnesPerGigajoule() {
    assertThat(Units.tToKg(0.11) * Units.GJ_PER_KWH)
        .isEqualTo(HeatExportEmissions.GB_T_32150_PURCHASED_HEAT_KG_PER_KWH_TH, within(1e-12));
  }

  @Test
  void boilerFactorsFollowFromIpccFuelFactorsAndBoilerEfficiency() {
    // IPCC 2006 Vol. 2 Table 2.2: coal 94.6 t/TJ at η 0.80, gas 56.1 t/TJ at η 0.90.
    double kgPerKwhPerTonnePerTj = Units.tToKg(1) * Units.GJ_PER_KWH / 1000;
    assertThat(94.6 * kgPerKwhPerTonnePerTj / 0.80)
        .isEqualTo(HeatExportEmissions.COAL_BOILER_KG_PER_KWH_TH, within(0.005));
    assertThat(56.1 * kgPerKwhPerTonnePerTj / 0.90)
        .isEqualTo(HeatExportEmissions.GAS_BOILER_KG_PER_KWH_TH, within(0.005));
  }

  @Test
  void rejectsNegativeHeat() {
    assertRejected(
        () -> HeatExportEmissions.avoidedKg(-1, 0, DcBoundary.HEAT_PUMP_INSIDE, 0.396, 0.5),
        "heatDeliveredKwhTh");
  }
}
