package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PvWattsTest {
  @Test
  void dcMatchesDomainCheckValue() {
    // DOMAIN.md: G 800, T_cell 45, P_dc0 1000 kW, γ −0.0037 → 740.8 kW.
    assertThat(PvWatts.dcKw(800, 45, 1000, -0.0037)).isCloseTo(740.8, within(1e-9));
  }

  @Test
  void dcIsZeroInTheDarkAndRatedAtStc() {
    assertThat(PvWatts.dcKw(0, 25, 1000, -0.0037)).isZero();
    assertThat(PvWatts.dcKw(-3, 25, 1000, -0.0037)).isZero();
    assertThat(PvWatts.dcKw(1000, 25, 1000, -0.0037)).isEqualTo(1000);
  }

  @Test
  void inverterMatchesDomainCheckValue() {
    // DOMAIN.md: 740.8 kW DC, P_dc0,inv 1000 kW (P_ac0 960 kW at η_nom 0.96) → η 0.96213, 712.74.
    assertThat(PvWatts.inverterEfficiency(740.8, 960, 0.96)).isCloseTo(0.96213, within(5e-6));
    assertThat(PvWatts.inverterAcKw(740.8, 960, 0.96)).isCloseTo(712.74, within(0.005));
  }

  @Test
  void inverterClipsAtNameplateAndIsOffWithoutDc() {
    assertThat(PvWatts.inverterAcKw(1200, 960, 0.96)).isEqualTo(960);
    assertThat(PvWatts.inverterAcKw(0, 960, 0.96)).isZero();
    assertThat(PvWatts.inverterAcKw(-1, 960, 0.96)).isZero();
    // At a tiny load the part-load curve goes negative: no negative AC.
    assertThat(PvWatts.inverterAcKw(0.001, 960, 0.96)).isZero();
  }

  @Test
  void inverterMatchesPvlibReference() {
    // pvlib test_inverter.py test_pvwatts_scalars: pdc 90, pdc0 100, η_nom 0.95 → 85.58556604752516
    // (pvlib's pdc0 is the inverter's DC limit, so the AC nameplate is 95).
    assertThat(PvWatts.inverterAcKw(90, 100 * 0.95, 0.95))
        .isCloseTo(85.58556604752516, within(1e-9));
  }

  @Test
  void defaultLossesCombineTo1408Percent() {
    double[] defaults = PvWatts.DEFAULT_LOSSES_PCT.stream().mapToDouble(d -> d).toArray();

    assertThat(PvWatts.combinedLossPct(defaults)).isCloseTo(14.08, within(0.005));
    assertThat(PvWatts.defaultLossFactor()).isCloseTo(1 - 0.1408, within(5e-5));
    assertThat(PvWatts.lossFactor(PvWatts.DEFAULT_TOTAL_LOSS_PCT)).isCloseTo(0.8592, within(1e-12));
    assertThat(PvWatts.lossFactor(10, 10)).isCloseTo(0.81, within(1e-12));
    assertThat(PvWatts.lossFactor()).isEqualTo(1);
    assertThatThrownBy(() -> PvWatts.lossFactor(100)).hasMessageContaining("loss");
  }

  @Test
  void coverTransmittanceMatchesPvlibPhysicalIam() {
    // pvlib-python test_iam.py test_physical (n 1.526, L 2 mm, K 4/m).
    assertThat(PvWatts.coverTransmittance(0)).isEqualTo(1);
    assertThat(PvWatts.coverTransmittance(22.5)).isCloseTo(0.99926198, within(1e-8));
    assertThat(PvWatts.coverTransmittance(45)).isCloseTo(0.98797788, within(1e-8));
    assertThat(PvWatts.coverTransmittance(67.5)).isCloseTo(0.8893998, within(1e-7));
    assertThat(PvWatts.coverTransmittance(90)).isZero();
    assertThat(PvWatts.coverTransmittance(95)).isZero();
    assertThatThrownBy(() -> PvWatts.coverTransmittance(-1)).hasMessageContaining("incidence");
  }

  @Test
  void coverLossTakesOnlyTheBeam() {
    double iam = PvWatts.coverTransmittance(70);

    assertThat(PvWatts.transmittedPoaWm2(500, 300, 70))
        .isCloseTo(500 - (1 - iam) * 300, within(1e-9));
    assertThat(PvWatts.transmittedPoaWm2(200, 0, 85)).isEqualTo(200);
  }
}
