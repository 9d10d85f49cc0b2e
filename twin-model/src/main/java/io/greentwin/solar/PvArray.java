package io.greentwin.solar;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.weather.WeatherSample;
import java.time.Duration;
import java.util.Objects;

/**
 * A fixed PV array with its inverter, modelled as NREL PVWatts v5 does (Dobos 2014): sun position
 * (SPA) → plane-of-array irradiance → cell temperature → DC with the cover's reflection loss and
 * system losses → inverter AC.
 *
 * @param latitudeDeg site latitude, degrees north
 * @param longitudeDeg site longitude, degrees east
 * @param altitudeM site altitude, m
 * @param tiltDeg module tilt from horizontal, degrees
 * @param azimuthDeg direction the modules face, degrees clockwise from north (180 = south)
 * @param dcKw DC nameplate at STC, kW
 * @param dcAcRatio DC nameplate / AC nameplate of the inverters
 * @param lossesPct total system losses, % (PVWatts default {@value PvWatts#DEFAULT_TOTAL_LOSS_PCT})
 * @param gammaPerC temperature coefficient of power, 1/°C
 * @param albedo ground reflectance, 0–1
 * @param transposition sky diffuse model
 * @param tempModel cell temperature model
 * @param inverterEfficiency nominal inverter efficiency, 0–1
 */
public record PvArray(
    double latitudeDeg,
    double longitudeDeg,
    double altitudeM,
    double tiltDeg,
    double azimuthDeg,
    double dcKw,
    double dcAcRatio,
    double lossesPct,
    double gammaPerC,
    double albedo,
    TranspositionModel transposition,
    CellTempModel tempModel,
    double inverterEfficiency) {

  /** Default tilt, degrees (PVWatts default for a fixed open rack). */
  public static final double DEFAULT_TILT_DEG = 20;

  /** Default azimuth, degrees: facing the equator in the northern hemisphere (PVWatts). */
  public static final double DEFAULT_AZIMUTH_DEG = 180;

  /** Default DC nameplate, kW (PVWatts default system size). */
  public static final double DEFAULT_DC_KW = 4;

  /** Default DC/AC ratio (PVWatts default). */
  public static final double DEFAULT_DC_AC_RATIO = 1.2;

  /** Default ground albedo (PVWatts default when the weather file has none). */
  public static final double DEFAULT_ALBEDO = 0.2;

  public PvArray {
    Objects.requireNonNull(transposition, "transposition");
    Objects.requireNonNull(tempModel, "tempModel");
    require(latitudeDeg >= -90 && latitudeDeg <= 90, "latitude", latitudeDeg, "[-90, 90]");
    require(longitudeDeg >= -180 && longitudeDeg <= 180, "longitude", longitudeDeg, "[-180, 180]");
    require(altitudeM >= -500 && altitudeM <= 9000, "altitude (m)", altitudeM, "[-500, 9000]");
    require(tiltDeg >= 0 && tiltDeg <= 90, "tilt", tiltDeg, "[0, 90]");
    require(azimuthDeg >= 0 && azimuthDeg <= 360, "azimuth", azimuthDeg, "[0, 360]");
    require(dcKw > 0 && Double.isFinite(dcKw), "DC nameplate (kW)", dcKw, "(0, ∞)");
    require(dcAcRatio > 0 && dcAcRatio <= 10, "DC/AC ratio", dcAcRatio, "(0, 10]");
    require(lossesPct >= 0 && lossesPct < 100, "losses (%)", lossesPct, "[0, 100)");
    // Wider than any module datasheet: c-Si −0.003 to −0.005/°C, thin film about −0.002/°C.
    require(gammaPerC >= -0.02 && gammaPerC <= 0.01, "gamma (1/°C)", gammaPerC, "[-0.02, 0.01]");
    require(albedo >= 0 && albedo <= 1, "albedo", albedo, "[0, 1]");
    require(
        inverterEfficiency > 0 && inverterEfficiency <= 1,
        "inverter efficiency",
        inverterEfficiency,
        "(0, 1]");
  }

  /** A PVWatts-default array (4 kW, tilt 20°, south, 14.08 % losses, Perez, SAPM) at a site. */
  public static PvArray pvwattsDefaults(double latitudeDeg, double longitudeDeg, double altitudeM) {
    return new PvArray(
        latitudeDeg,
        longitudeDeg,
        altitudeM,
        DEFAULT_TILT_DEG,
        DEFAULT_AZIMUTH_DEG,
        DEFAULT_DC_KW,
        DEFAULT_DC_AC_RATIO,
        PvWatts.DEFAULT_TOTAL_LOSS_PCT,
        PvWatts.GAMMA_STANDARD_PER_C,
        DEFAULT_ALBEDO,
        TranspositionModel.PEREZ,
        CellTempModel.SAPM,
        PvWatts.DEFAULT_INVERTER_EFFICIENCY);
  }

  /** AC nameplate of the inverters, kW: DC nameplate / DC-AC ratio. */
  public double acNameplateKw() {
    return dcKw / dcAcRatio;
  }

  /** Output with the sun at the sample's stamp: for instantaneous samples. */
  public PvOutput output(WeatherSample w) {
    return output(w, sunAt(w));
  }

  /**
   * Output for a sample averaged over {@code averagingInterval} ending at its stamp (one hour for
   * TMY3/EPW, see {@link io.greentwin.weather.WeatherFile#averagingInterval()}): the sun is taken
   * where PVWatts takes it, mid-interval or mid-way through the sunlit part of a sunrise or sunset
   * interval. {@link Duration#ZERO} is the same as {@link #output(WeatherSample)}.
   */
  public PvOutput output(WeatherSample w, Duration averagingInterval) {
    if (averagingInterval.isZero()) {
      return output(w);
    }
    SunPosition sun =
        SolarGeometry.positionOverInterval(
            w.time().minus(averagingInterval), w.time(), latitudeDeg, longitudeDeg, altitudeM);
    return output(w, sun);
  }

  /** Output for a sample with a sun position the caller computed. */
  public PvOutput output(WeatherSample w, SunPosition sun) {
    Irradiance irr = new Irradiance(w.ghiWm2(), w.dniWm2(), w.dhiWm2());
    int day = SolarGeometry.dayOfYear(w.time());
    PoaIrradiance poa =
        Transposition.poaComponents(irr, sun, tiltDeg, azimuthDeg, albedo, transposition, day);
    double cellC = CellTemperature.cellTempC(tempModel, poa.totalWm2(), w.airTempC(), w.windMs());
    double aoiDeg = Transposition.angleOfIncidenceDeg(sun, tiltDeg, azimuthDeg);
    double cellsWm2 = PvWatts.transmittedPoaWm2(poa.totalWm2(), poa.beamWm2(), aoiDeg);
    double dc = PvWatts.dcKw(cellsWm2, cellC, dcKw, gammaPerC) * PvWatts.lossFactor(lossesPct);
    double ac = PvWatts.inverterAcKw(dc, acNameplateKw(), inverterEfficiency);
    return new PvOutput(w.time(), poa.totalWm2(), cellC, dc, ac);
  }

  private SunPosition sunAt(WeatherSample w) {
    return SolarGeometry.position(w.time(), latitudeDeg, longitudeDeg, altitudeM);
  }

  private static void require(boolean ok, String name, double value, String range) {
    if (!ok) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, name + " " + value + " outside " + range);
    }
  }
}
