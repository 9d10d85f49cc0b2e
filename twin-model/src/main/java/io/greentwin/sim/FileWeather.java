package io.greentwin.sim;

import io.greentwin.weather.WeatherSample;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Weather replayed from a typical-year file (TMY3, EPW, CSV): the simulated instant's hour of the
 * year picks the file's hour, whatever the file's year; values are interpolated within the hour.
 */
public final class FileWeather implements WeatherSource {
  private final List<WeatherSample> samples;

  public FileWeather(List<WeatherSample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("weather file has no samples");
    }
    this.samples = List.copyOf(samples);
  }

  @Override
  public WeatherSample at(Instant time) {
    ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
    double hourOfYear =
        (utc.getDayOfYear() - 1) * 24 + utc.getHour() + utc.getMinute() / 60.0
            + utc.getSecond() / 3600.0;
    int n = samples.size();
    int i = (int) Math.floor(hourOfYear) % n;
    double f = hourOfYear - Math.floor(hourOfYear);
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
