package io.greentwin.kpi;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentwin.units.Units;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {
  private static final Instant Y2023 = Instant.parse("2023-01-01T00:00:00Z");
  private static final Instant Y2024 = Instant.parse("2024-01-01T00:00:00Z");
  private static final double GRID_2023_KG_PER_KWH = 0.5306;

  private final KpiCalculator outside = new KpiCalculator(DcBoundary.HEAT_PUMP_OUTSIDE);
  private final KpiCalculator inside = new KpiCalculator(DcBoundary.HEAT_PUMP_INSIDE);

  /** DOMAIN.md worked check: E_IT 8.76 GWh, PUE 1.10, E_reuse 4.0 GWh, all from the grid. */
  private static EnergyPeriod workedCheck(double pvSelfConsumedKwh) {
    double itKwh = 8_760_000;
    double dcKwh = itKwh * 1.10;
    return new EnergyPeriod(
        Y2023,
        Y2024,
        itKwh,
        dcKwh,
        0,
        4_000_000,
        0,
        pvSelfConsumedKwh,
        dcKwh - pvSelfConsumedKwh,
        0);
  }

  @Test
  void workedCheckAllFromTheGrid() {
    EnergyPeriod e = workedCheck(0);
    Kpis k = outside.compute(e, GRID_2023_KG_PER_KWH);
    assertThat(Units.kwhToGwh(outside.eDcKwh(e))).isEqualTo(9.636, within(1e-9));
    assertThat(k.pue()).isEqualTo(1.10, within(1e-12));
    assertThat(k.erf()).isEqualTo(0.4151, within(5e-5));
    assertThat(k.ere()).isEqualTo(0.6434, within(5e-5));
    assertThat(Units.kgToT(k.co2Kg())).isEqualTo(5112.9, within(0.05));
    assertThat(k.cue()).isEqualTo(0.5837, within(5e-5));
    assertThat(k.ref()).isZero();
  }

  @Test
  void workedCheckWithSelfConsumedPvKeepingItsCertificates() {
    Kpis k = outside.compute(workedCheck(1_000_000), GRID_2023_KG_PER_KWH);
    assertThat(k.ref()).isEqualTo(0.1038, within(5e-5));
    assertThat(Units.kgToT(k.co2Kg())).isEqualTo(4582.3, within(0.05));
    assertThat(k.cue()).isEqualTo(0.5231, within(5e-5));
    assertThat(k.pue()).isEqualTo(1.10, within(1e-12));
  }

  @Test
  void ereEqualsOneMinusErfTimesPue() {
    EnergyPeriod e = new EnergyPeriod(Y2023, Y2024, 1000, 1370, 55, 420, 0, 0, 1425, 210);
    for (KpiCalculator calc : new KpiCalculator[] {inside, outside}) {
      Kpis k = calc.compute(e, 0.6);
      assertThat(k.ere())
          .as("%s", calc.boundary())
          .isEqualTo((1 - k.erf()) * k.pue(), within(1e-12));
    }
  }

  @Test
  void cueEqualsGridFactorTimesPueWhenAllEnergyIsGrid() {
    EnergyPeriod e = new EnergyPeriod(Y2023, Y2024, 1000, 1250, 0, 0, 0, 0, 1250, 200);
    Kpis k = outside.compute(e, 0.6361);
    assertThat(k.cue()).isEqualTo(0.6361 * k.pue(), within(1e-12));
  }

  @Test
  void heatPumpInsideTheBoundaryAddsToEDcAndPue() {
    EnergyPeriod e = new EnergyPeriod(Y2023, Y2024, 1000, 1100, 150, 600, 0, 0, 1250, 80);
    assertThat(inside.eDcKwh(e)).isEqualTo(1250);
    assertThat(outside.eDcKwh(e)).isEqualTo(1100);
    assertThat(inside.compute(e, 0.5).pue()).isEqualTo(1.25, within(1e-12));
    assertThat(outside.compute(e, 0.5).pue()).isEqualTo(1.10, within(1e-12));
  }

  @Test
  void heatPumpOutsideTheBoundaryLeavesItsShareOfGridImportOutOfCo2() {
    // Grid import 1000 kWh supplied facility 1100 + heat pump 150 (PV the rest): the DC's share
    // is 1000 · 1100 / 1250 = 880 kWh.
    EnergyPeriod e = new EnergyPeriod(Y2023, Y2024, 1000, 1100, 150, 600, 0, 0, 1000, 80);
    assertThat(outside.dcGridImportKwh(e)).isEqualTo(880, within(1e-9));
    assertThat(inside.dcGridImportKwh(e)).isEqualTo(1000);
    assertThat(outside.compute(e, 0.5).co2Kg()).isEqualTo(440, within(1e-9));
  }

  @Test
  void partialPueOfCoolingAndWueUseItEnergy() {
    EnergyPeriod e = new EnergyPeriod(Y2023, Y2024, 1000, 1150, 0, 0, 250, 0, 1150, 80);
    Kpis k = outside.compute(e, 0.5);
    assertThat(k.ppueCooling()).isEqualTo(1.08, within(1e-12));
    assertThat(k.wue()).isEqualTo(0.25, within(1e-12));
  }

  @Test
  void refIsCappedAtOne() {
    EnergyPeriod e = new EnergyPeriod(Y2023, Y2024, 1000, 1100, 0, 0, 0, 5000, 1100, 50);
    assertThat(outside.compute(e, 0.5).ref()).isEqualTo(1);
  }

  @Test
  void ratiosAreUndefinedWithoutItEnergy() {
    Kpis k = outside.compute(EnergyPeriod.empty(Y2023), 0.5);
    assertThat(k.pue()).isNaN();
    assertThat(k.cue()).isNaN();
    assertThat(k.ref()).isNaN();
    assertThat(k.co2Kg()).isZero();
  }

  @Test
  void computeWithEmissionsTakesCo2FromElsewhere() {
    EnergyPeriod e = new EnergyPeriod(Y2023, Y2024, 1000, 1200, 0, 0, 0, 0, 1200, 100);
    Kpis k = outside.computeWithEmissions(e, 300);
    assertThat(k.co2Kg()).isEqualTo(300);
    assertThat(k.cue()).isEqualTo(0.3, within(1e-12));
  }

  @Test
  void rejectsNegativeGridFactor() {
    assertRejected(() -> outside.compute(workedCheck(0), -0.1), "gridFactorKgPerKwh");
  }
}
