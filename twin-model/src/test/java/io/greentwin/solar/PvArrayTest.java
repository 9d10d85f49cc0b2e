package io.greentwin.solar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greentwin.SharedData;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.weather.WeatherFile;
import io.greentwin.weather.WeatherFiles;
import io.greentwin.weather.WeatherSample;
import io.greentwin.weather.WeatherStation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PvArrayTest {
  private static final PvArray CAMPUS = PvArray.pvwattsDefaults(39.76, 116.99, 15);

  @Test
  void defaultsArePvWattsDefaults() {
    assertThat(CAMPUS.tiltDeg()).isEqualTo(20);
    assertThat(CAMPUS.azimuthDeg()).isEqualTo(180);
    assertThat(CAMPUS.dcKw()).isEqualTo(4);
    assertThat(CAMPUS.acNameplateKw()).isCloseTo(4 / 1.2, within(1e-12));
    assertThat(CAMPUS.lossesPct()).isEqualTo(14.08);
    assertThat(CAMPUS.gammaPerC()).isEqualTo(-0.0037);
    assertThat(CAMPUS.transposition()).isEqualTo(TranspositionModel.PEREZ);
    assertThat(CAMPUS.tempModel()).isEqualTo(CellTempModel.SAPM);
    assertThat(CAMPUS.inverterEfficiency()).isEqualTo(0.96);
  }

  @Test
  void producesNothingAtNight() {
    // 22:00 local at Xianghe (UTC+8).
    WeatherSample night =
        new WeatherSample(Instant.parse("2024-06-21T14:00:00Z"), 0, 0, 0, 24, 2, 60);

    PvOutput out = CAMPUS.output(night);

    assertThat(out).isEqualTo(new PvOutput(night.time(), 0, 24, 0, 0));
  }

  @Test
  void clearNoonRunsTheWholeChain() {
    // Local solar noon at Xianghe, 2024-06-21 ≈ 04:12 UTC; clear sky, Linke turbidity 3.
    Instant noon = Instant.parse("2024-06-21T04:12:00Z");
    SunPosition sun = SolarGeometry.position(noon, 39.76, 116.99, 15);
    Irradiance clear = ClearSky.ineichenPerez(noon, sun.zenithDeg(), 15, 3);
    WeatherSample w =
        new WeatherSample(noon, clear.ghiWm2(), clear.dniWm2(), clear.dhiWm2(), 30, 2, 50);

    PvOutput out = CAMPUS.output(w);

    double poa = Transposition.poaWm2(clear, sun, 20, 180, 0.2, TranspositionModel.PEREZ, 173);
    double cell = CellTemperature.sapmC(poa, 30, 2);
    double dc = PvWatts.dcKw(poa, cell, 4, -0.0037) * PvWatts.lossFactor(14.08);
    assertThat(out.poaWm2()).isCloseTo(poa, within(1e-9));
    assertThat(out.cellTempC()).isCloseTo(cell, within(1e-9));
    // Near-normal incidence at noon: the cover loss is under 0.1 %.
    assertThat(out.dcKw()).isCloseTo(dc, within(dc * 0.001));
    assertThat(out.acKw())
        .isCloseTo(PvWatts.inverterAcKw(out.dcKw(), 4 / 1.2, 0.96), within(1e-12));
    assertThat(out.acKw()).isBetween(2.5, 4 / 1.2);
    assertThat(CAMPUS.output(w, Duration.ZERO)).isEqualTo(out);
  }

  @Test
  void greensboroTmy3YearYieldsAPlausibleSpecificYield() {
    WeatherFile file = WeatherFiles.readFile(SharedData.require("pv/723170TYA.CSV"));
    WeatherStation s = file.station().orElseThrow();
    PvArray array = PvArray.pvwattsDefaults(s.latitudeDeg(), s.longitudeDeg(), s.altitudeM());

    List<PvOutput> year =
        file.samples().stream().map(w -> array.output(w, file.averagingInterval())).toList();

    double acKwh = year.stream().mapToDouble(PvOutput::acKw).sum();
    // NREL PVWatts puts a 20°-tilt array in central North Carolina at ~1300-1450 kWh/kWp AC.
    assertThat(acKwh / array.dcKw()).isBetween(1250.0, 1500.0);
    assertThat(year)
        .allSatisfy(o -> assertThat(o.acKw()).isLessThanOrEqualTo(array.acNameplateKw()));
    assertThat(year).allSatisfy(o -> assertThat(o.acKw()).isLessThanOrEqualTo(o.dcKw()));
  }

  @Test
  void rejectsImpossibleArrays() {
    assertThatThrownBy(() -> withTilt(95))
        .isInstanceOfSatisfying(
            GreenTwinException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_INVALID))
        .hasMessage("tilt 95.0 outside [0, 90]");
    assertThatThrownBy(
            () ->
                new PvArray(
                    0,
                    0,
                    0,
                    20,
                    180,
                    4,
                    0,
                    14,
                    -0.004,
                    0.2,
                    TranspositionModel.PEREZ,
                    CellTempModel.SAPM,
                    0.96))
        .hasMessageContaining("DC/AC ratio");
    assertThatThrownBy(
            () ->
                new PvArray(
                    0,
                    0,
                    0,
                    20,
                    180,
                    4,
                    1.2,
                    100,
                    -0.004,
                    0.2,
                    TranspositionModel.PEREZ,
                    CellTempModel.SAPM,
                    0.96))
        .hasMessageContaining("losses");
    assertThatThrownBy(
            () ->
                new PvArray(
                    0,
                    0,
                    0,
                    20,
                    180,
                    4,
                    1.2,
                    14,
                    -0.004,
                    0.2,
                    TranspositionModel.PEREZ,
                    CellTempModel.SAPM,
                    1.2))
        .hasMessageContaining("inverter efficiency");
  }

  private static PvArray withTilt(double tiltDeg) {
    return new PvArray(
        0,
        0,
        0,
        tiltDeg,
        180,
        4,
        1.2,
        14,
        -0.004,
        0.2,
        TranspositionModel.PEREZ,
        CellTempModel.SAPM,
        0.96);
  }
}
