package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentwin.SharedData;
import io.greentwin.weather.WeatherSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our PVWatts against NREL's own hourly output (shared/data/pv/pvwatts_8760_rackmount.csv: 4 kWdc,
 * tilt 20°, south, open rack, losses 14.08 %, inverter 96 %, DC/AC 1.2, "Standard" modules, which
 * are γ −0.0047/°C in v5).
 */
class PvWattsNrelReferenceTest {
  private static final double DC_KW = 4;
  private static final double AC_KW = DC_KW / 1.2;
  private static final double LOSSES_PCT = 14.08;
  private static final double GAMMA_V5 = PvWatts.GAMMA_STANDARD_V5_PER_C;
  private static final double TILT_DEG = 20;
  private static final double AZIMUTH_DEG = 180;

  private NrelPvWattsFile nrel;

  @BeforeEach
  void load() {
    nrel = NrelPvWattsFile.read(SharedData.require("pv/pvwatts_8760_rackmount.csv"));
    assertThat(nrel.hours()).hasSize(8760);
  }

  /**
   * Fed NREL's POA and cell temperature, our DC and AC match hour by hour. PVWatts v5 removes the
   * module cover's reflection loss from the beam part of the POA before the DC model, so we do too
   * (beam on the plane = file beam × cos AOI with the sun placed as PVWatts places it).
   */
  @Test
  void dcAndAcMatchNrelFromItsPoaAndCellTemperature() {
    double dcKwh = 0;
    double acKwh = 0;
    double nrelDcKwh = 0;
    double nrelAcKwh = 0;
    List<Double> acErrorsKw = new ArrayList<>();
    for (NrelPvWattsFile.Hour h : nrel.hours()) {
      SunPosition sun = sunOver(h);
      double aoiDeg = Transposition.angleOfIncidenceDeg(sun, TILT_DEG, AZIMUTH_DEG);
      double cosAoi = Transposition.angleOfIncidenceCos(sun, TILT_DEG, AZIMUTH_DEG);
      double beamPoa = sun.isUp() ? h.beamWm2() * Math.max(0, cosAoi) : 0;
      double cellsWm2 = PvWatts.transmittedPoaWm2(h.poaWm2(), beamPoa, aoiDeg);
      double dc =
          PvWatts.dcKw(cellsWm2, h.cellTempC(), DC_KW, GAMMA_V5) * PvWatts.lossFactor(LOSSES_PCT);
      double ac = PvWatts.inverterAcKw(dc, AC_KW, 0.96);
      dcKwh += dc;
      acKwh += ac;
      nrelDcKwh += h.dcW() / 1000;
      nrelAcKwh += h.acW() / 1000;
      acErrorsKw.add(Math.abs(ac - h.acW() / 1000));
    }
    Collections.sort(acErrorsKw);

    // Annual within 0.1 % (the target is 2 %); NREL's annual AC is 6023.7 kWh.
    assertThat(nrelAcKwh).isCloseTo(6023.67124, within(0.01));
    assertThat(acKwh).isCloseTo(nrelAcKwh, within(nrelAcKwh * 0.001));
    assertThat(dcKwh).isCloseTo(nrelDcKwh, within(nrelDcKwh * 0.001));
    // Every hour within 15 W of 3333 W AC (sunrise/sunset hours, where AOI is near 90°),
    // 99 % of hours within 2 W.
    assertThat(acErrorsKw.get(acErrorsKw.size() - 1)).isLessThan(0.015);
    assertThat(acErrorsKw.get((int) (acErrorsKw.size() * 0.99))).isLessThan(0.002);
  }

  /**
   * With no beam, the cover model plays no part: DC from the file's POA and cell temperature alone
   * must match every such hour, which pins the DC formula, the losses and γ with no geometry.
   */
  @Test
  void overcastHoursMatchWithNoAngleModel() {
    List<NrelPvWattsFile.Hour> overcast = overcastHours();
    assertThat(overcast).hasSizeGreaterThan(300);

    for (NrelPvWattsFile.Hour h : overcast) {
      double dc =
          PvWatts.dcKw(h.poaWm2(), h.cellTempC(), DC_KW, GAMMA_V5) * PvWatts.lossFactor(LOSSES_PCT);
      double ac = PvWatts.inverterAcKw(dc, AC_KW, 0.96);
      assertThat(dc * 1000).as("DC at %s", h).isCloseTo(h.dcW(), within(0.001 * h.dcW() + 0.01));
      assertThat(ac * 1000).as("AC at %s", h).isCloseTo(h.acW(), within(0.001 * h.acW() + 0.01));
    }
  }

  /** Least squares on the overcast hours recovers PVWatts v5's γ for Standard modules. */
  @Test
  void overcastHoursFitGammaOfV5StandardModules() {
    double sxy = 0;
    double sxx = 0;
    for (NrelPvWattsFile.Hour h : overcastHours()) {
      double stc = h.poaWm2() / 1000 * DC_KW * 1000 * PvWatts.lossFactor(LOSSES_PCT);
      double x = h.cellTempC() - 25;
      double y = h.dcW() / stc - 1;
      sxy += x * y;
      sxx += x * x;
    }

    assertThat(sxy / sxx).isCloseTo(-0.0047, within(0.00005));
  }

  /**
   * Our full chain (SPA sun placed as PVWatts places it, Perez transposition, albedo 0.2) fed the
   * file's beam, diffuse, temperature and wind reproduces NREL's POA; with SAPM cell temperature
   * (PVWatts v5 uses its own module heat balance) the annual AC still lands within 1 %.
   */
  @Test
  void fullChainReproducesNrelPoaAndAnnualAc() {
    PvArray array =
        new PvArray(
            nrel.latitudeDeg(),
            nrel.longitudeDeg(),
            nrel.altitudeM(),
            TILT_DEG,
            AZIMUTH_DEG,
            DC_KW,
            1.2,
            LOSSES_PCT,
            GAMMA_V5,
            0.2,
            TranspositionModel.PEREZ,
            CellTempModel.SAPM,
            0.96);
    double poaKwhM2 = 0;
    double nrelPoaKwhM2 = 0;
    double acKwh = 0;
    double nrelAcKwh = 0;
    List<Double> poaErrors = new ArrayList<>();
    for (NrelPvWattsFile.Hour h : nrel.hours()) {
      PvOutput out = array.output(sample(h), Duration.ofHours(1));
      poaKwhM2 += out.poaWm2() / 1000;
      nrelPoaKwhM2 += h.poaWm2() / 1000;
      acKwh += out.acKw();
      nrelAcKwh += h.acW() / 1000;
      poaErrors.add(Math.abs(out.poaWm2() - h.poaWm2()));
    }
    Collections.sort(poaErrors);

    // NREL's POA total is 1930.9 kWh/m²; we are within 0.5 % a year, 5 W/m² in 99 % of hours.
    assertThat(nrelPoaKwhM2).isCloseTo(1930.893574, within(0.01));
    assertThat(poaKwhM2).isCloseTo(nrelPoaKwhM2, within(nrelPoaKwhM2 * 0.005));
    assertThat(poaErrors.get((int) (poaErrors.size() * 0.99))).isLessThan(5);
    assertThat(poaErrors.get(poaErrors.size() - 1)).isLessThan(15);
    assertThat(acKwh).isCloseTo(nrelAcKwh, within(nrelAcKwh * 0.01));
  }

  /** The file's hour as a weather sample stamped at its end, GHI = DNI cos z + DHI. */
  private WeatherSample sample(NrelPvWattsFile.Hour h) {
    SunPosition sun = sunOver(h);
    double cosZ = Math.max(0, Math.cos(Math.toRadians(sun.zenithDeg())));
    double ghi = h.beamWm2() * cosZ + h.diffuseWm2();
    return new WeatherSample(
        h.end(), ghi, h.beamWm2(), h.diffuseWm2(), h.ambientC(), h.windMs(), Double.NaN);
  }

  private SunPosition sunOver(NrelPvWattsFile.Hour h) {
    return SolarGeometry.positionOverInterval(
        h.start(), h.end(), nrel.latitudeDeg(), nrel.longitudeDeg(), nrel.altitudeM());
  }

  private List<NrelPvWattsFile.Hour> overcastHours() {
    return nrel.hours().stream().filter(h -> h.beamWm2() == 0 && h.poaWm2() > 20).toList();
  }
}
