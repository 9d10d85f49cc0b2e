package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Scope2Test {
  private static final Instant H0 = Instant.parse("2023-06-01T00:00:00Z");

  @Test
  void locationBasedIsGridEnergyTimesFactor() {
    assertThat(Scope2.locationBasedKg(8_636_000, 0.5306)).isEqualTo(4_582_261.6, within(1e-6));
  }

  @Test
  void locationBasedHourlyChargesEachHourAtItsIntensity() {
    CarbonIntensitySeries series =
        CarbonIntensitySeries.of(
            List.of(
                new IntensityPoint(H0, 600),
                new IntensityPoint(H0.plusSeconds(3600), 300),
                new IntensityPoint(H0.plusSeconds(7200), 450)),
            Duration.ofHours(1));
    List<EnergySample> gridUse =
        List.of(
            new EnergySample(H0, 1000),
            new EnergySample(H0.plusSeconds(3600), 2000),
            new EnergySample(H0.plusSeconds(7200), 500));
    // 1000·600 + 2000·300 + 500·450 g = 1,425,000 g.
    assertThat(Scope2.locationBasedKg(gridUse, series)).isEqualTo(1425, within(1e-9));
  }

  @Test
  void marketBasedChargesCertificatesAtTheirFactorAndTheRestAtTheResidualMix() {
    MarketBasedEmissions m =
        Scope2.marketBased(
            10_000,
            List.of(
                new ContractualInstrument(InstrumentType.GREEN_CERTIFICATE, 3000, 0),
                new ContractualInstrument(InstrumentType.PPA, 2000, 0.02)),
            0.6096);
    assertThat(m.coveredKwh()).isEqualTo(5000);
    assertThat(m.residualKwh()).isEqualTo(5000);
    assertThat(m.co2Kg()).isEqualTo(2000 * 0.02 + 5000 * 0.6096, within(1e-9));
    assertThat(m.unusedInstrumentKwh()).isZero();
  }

  @Test
  void marketBasedNeverClaimsMoreThanTheConsumption() {
    MarketBasedEmissions m =
        Scope2.marketBased(
            1000,
            List.of(
                new ContractualInstrument(InstrumentType.GREEN_CERTIFICATE, 800, 0),
                new ContractualInstrument(InstrumentType.PPA, 500, 0.1)),
            0.6096);
    assertThat(m.coveredKwh()).isEqualTo(1000);
    assertThat(m.residualKwh()).isZero();
    assertThat(m.co2Kg()).isEqualTo(200 * 0.1, within(1e-12));
    assertThat(m.unusedInstrumentKwh()).isEqualTo(300);
  }

  @Test
  void dualReportGivesBothMethodsForTheSameConsumption() {
    GridFactorTable china = ChinaGridFactors.table();
    Scope2Report r =
        Scope2.dualReport(
            1000,
            china.kgPerKwh(2023, ChinaGridFactors.NATIONAL),
            List.of(),
            china.residualMixKgPerKwh(2023));
    assertThat(r.locationBasedKg()).isEqualTo(530.6, within(1e-9));
    // With no instruments the market-based figure is all residual mix, above the average.
    assertThat(r.marketBased().co2Kg()).isEqualTo(609.6, within(1e-9));
  }

  @Test
  void rejectsNegativeConsumption() {
    assertRejected(() -> Scope2.marketBased(-1, List.of(), 0.6), "gridKwh");
  }
}
