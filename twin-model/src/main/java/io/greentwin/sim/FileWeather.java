package io.greentwin.sim;

import io.greentwin.weather.WeatherSample;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Weather replayed from a typical-year file (TMY3, EPW, CSV) as what-if weather for the campus: the
 * simulated instant's local hour of the year (in the campus time zone) picks the file's hour,
 * whatever the file's year, so the file's days line up with the campus's days. Each row is an
 * hour-ending average (TMY3, EPW), taken to stand for the middle of its hour; values are
 * interpolated between those mid-points.
 */
public final class FileWeather implements WeatherSource {
  private final List<WeatherSample> samples;
  private final ZoneId zone;

  public FileWeather(List<WeatherSample> samples, ZoneId campusZone) {
    this.zone = campusZone;
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("weather file has no samples");
    }
    this.samples = List.copyOf(samples);
  }

  @Override
  public WeatherSample at(Instant time) {
    ZonedDateTime local = time.atZone(zone);
    double hourOfYear =
        (local.getDayOfYear() - 1) * 24
            + local.getHour()
            + local.getMinute() / 60.0
            + local.getSecond() / 3600.0;
    int n = samples.size();
    // Row i covers hour [i, i+1): its mid-point is i + 0.5.
    double pos = (hourOfYear - 0.5 + n) % n;
    int i = (int) Math.floor(pos);
    double f = pos - i;
    WeatherSample a = samples.get(i);
    WeatherSample b = samples.get((i + 1) % n);
    return new WeatherSample(
        time,
        lerp(a.ghiWm2(), b.ghiWm2(), f),
        lerp(a.dniWm2(), b.dniWm2(), f),
        lerp(a.dhiWm2(), b.dhiWm2(), f),
        lerp(a.airTempC(), b.airTempC(), f),
        lerp(a.windMs(), b.windMs(), f),
        lerp(a.relativeHumidityPct(), b.relativeHumidityPct(), f));
  }

  private static double lerp(double a, double b, double f) {
    return a + (b - a) * f;
  }
}
