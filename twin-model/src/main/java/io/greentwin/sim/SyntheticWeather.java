package io.greentwin.sim;

import io.greentwin.solar.ClearSky;
import io.greentwin.solar.Decomposition;
import io.greentwin.solar.Irradiance;
import io.greentwin.solar.SolarGeometry;
import io.greentwin.solar.SunPosition;
import io.greentwin.weather.WeatherSample;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Seeded synthetic weather for the campus site: Ineichen–Perez clear sky attenuated by a smooth
 * random cloud process, split into beam and diffuse with Erbs; air temperature from an annual and a
 * daily cycle plus weather noise. Defaults approximate the North China Plain at Langfang.
 */
public final class SyntheticWeather implements WeatherSource {
  /** Linke turbidity for hazy urban air over the North China Plain (DOMAIN.md: 4–6 urban). */
  static final double LINKE_TURBIDITY = 4.5;

  /** Annual mean air temperature at Langfang, about 12.5 °C (CMA 1991–2020 normals, approx.). */
  static final double ANNUAL_MEAN_C = 12.5;

  /** Half the January–July swing: January about −3 °C, July about 28 °C (CMA normals, approx.). */
  static final double ANNUAL_AMPLITUDE_K = 15.5;

  /** Half the typical clear-day diurnal range on the plain, ~10 K (CMA normals, approx.). */
  static final double DAILY_AMPLITUDE_K = 5.0;

  private static final long CLOUD = 11;
  private static final long TEMP = 12;
  private static final long WIND = 13;
  private static final long HUMIDITY = 14;

  private final double latitudeDeg;
  private final double longitudeDeg;
  private final double altitudeM;
  private final Noise noise;

  public SyntheticWeather(double latitudeDeg, double longitudeDeg, double altitudeM, long seed) {
    this.latitudeDeg = latitudeDeg;
    this.longitudeDeg = longitudeDeg;
    this.altitudeM = altitudeM;
    this.noise = new Noise(seed);
  }

  @Override
  public WeatherSample at(Instant time) {
    SunPosition sun = SolarGeometry.position(time, latitudeDeg, longitudeDeg, altitudeM);
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    int doy = utc.getDayOfYear();
    double hours = time.getEpochSecond() / 3600.0;
    // Cloud cover: a smooth process with a 3-hour correlation; clear skies most of the time.
    double cloud = Math.max(0, noise.smooth(CLOUD, hours / 3.0) * 0.8 + 0.1);
    double clearness = 1 - 0.75 * Math.min(1, cloud);
    Irradiance irr;
    if (sun.zenithDeg() >= 90) {
      irr = new Irradiance(0, 0, 0);
    } else {
      Irradiance clear = ClearSky.ineichenPerez(time, sun.zenithDeg(), altitudeM, LINKE_TURBIDITY);
      irr = Decomposition.erbs(clear.ghiWm2() * clearness, sun.zenithDeg(), doy);
    }
    double solarHour = utc.getHour() + utc.getMinute() / 60.0 + longitudeDeg / 15.0;
    double annual = -Math.cos(2 * Math.PI * (doy - 20) / 365.0) * ANNUAL_AMPLITUDE_K;
    double daily = Math.cos(2 * Math.PI * (solarHour - 15) / 24.0) * DAILY_AMPLITUDE_K * clearness;
    double weatherNoise = noise.smooth(TEMP, hours / 36.0) * 3.0;
    double airTempC = ANNUAL_MEAN_C + annual + daily + weatherNoise;
    double windMs = Math.max(0.2, 2.5 + 1.5 * noise.smooth(WIND, hours / 6.0));
    double humidity = 55 + 20 * Math.sin(2 * Math.PI * (doy - 110) / 365.0);
    humidity += 10 * noise.smooth(HUMIDITY, hours / 12.0) - 8 * (daily / DAILY_AMPLITUDE_K);
    return new WeatherSample(
        time,
        irr.ghiWm2(),
        irr.dniWm2(),
        irr.dhiWm2(),
        airTempC,
        windMs,
        Math.max(5, Math.min(100, humidity)));
  }
}
