package io.greentwin.units;

import static io.greentwin.units.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void celsiusAndKelvinDifferByTheIcePoint() {
    assertThat(Units.kelvin(0)).isEqualTo(273.15);
    assertThat(Units.kelvin(45)).isEqualTo(318.15, within(1e-12));
    assertThat(Units.celsius(Units.kelvin(-12.5))).isEqualTo(-12.5, within(1e-12));
  }

  @Test
  void volumeFlowOfWaterUsesItsDensityAt45C() {
    // 990 kg/s of water at 990 kg/m³ is 1 m³/s = 3600 m³/h.
    assertThat(Units.m3PerHour(990)).isEqualTo(3600, within(1e-9));
    assertThat(Units.kgPerSecond(3600)).isEqualTo(990, within(1e-9));
    assertThat(Units.kgPerSecond(Units.m3PerHour(23.92))).isEqualTo(23.92, within(1e-12));
  }

  @Test
  void volumeFlowHonoursAnExplicitDensity() {
    assertThat(Units.m3PerHour(1000, 1000)).isEqualTo(3600, within(1e-9));
    assertRejected(() -> Units.kgPerSecond(10, 0), "densityKgPerM3");
  }

  @Test
  void energyFromPowerAndTime() {
    assertThat(Units.kwh(2000, 1.5)).isEqualTo(3000);
    assertThat(Units.hours(Duration.ofMinutes(90))).isEqualTo(1.5, within(1e-12));
    assertThat(Units.hours(Duration.ofMillis(1800))).isEqualTo(0.0005, within(1e-15));
  }

  @Test
  void oneKilowattHourIsThreePointSixMegajoules() {
    assertThat(Units.kwhToGj(1000)).isEqualTo(3.6, within(1e-12));
    assertThat(Units.gjToKwh(3.6)).isEqualTo(1000, within(1e-9));
  }

  @Test
  void energyPrefixesScaleByThousands() {
    assertThat(Units.kwhToMwh(8_760_000)).isEqualTo(8760);
    assertThat(Units.mwhToKwh(1.5)).isEqualTo(1500);
    assertThat(Units.kwhToGwh(9_636_000)).isEqualTo(9.636, within(1e-12));
    assertThat(Units.gwhToKwh(4.0)).isEqualTo(4_000_000);
    assertThat(Units.wToKw(450)).isEqualTo(0.45);
    assertThat(Units.kwToW(0.45)).isEqualTo(450);
  }

  @Test
  void massPrefixesScaleByThousands() {
    assertThat(Units.gToKg(530.6)).isEqualTo(0.5306, within(1e-12));
    assertThat(Units.kgToG(0.5306)).isEqualTo(530.6, within(1e-9));
    assertThat(Units.kgToT(5_112_861.6)).isEqualTo(5112.8616, within(1e-9));
    assertThat(Units.tToKg(1584)).isEqualTo(1_584_000);
  }
}
