package io.greentwin.sim;

import io.greentwin.weather.WeatherSample;
import java.time.Instant;

/** Weather at any simulated instant: synthetic (clear sky with clouds) or from a weather file. */
public interface WeatherSource {
  WeatherSample at(Instant time);
}
