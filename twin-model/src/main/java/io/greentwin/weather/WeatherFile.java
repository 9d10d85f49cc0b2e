package io.greentwin.weather;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A weather file as read: its samples plus what the header says about them.
 *
 * @param source the file read
 * @param format the detected format
 * @param station the station from the header (TMY3, EPW); empty for a plain CSV
 * @param averagingInterval how long each sample was averaged over, ending at its stamp: one hour
 *     for TMY3 and EPW; {@link Duration#ZERO} for a plain CSV, whose stamps are taken as instants
 * @param samples the samples in file order
 */
public record WeatherFile(
    Path source,
    WeatherFormat format,
    Optional<WeatherStation> station,
    Duration averagingInterval,
    List<WeatherSample> samples) {

  public WeatherFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(station, "station");
    Objects.requireNonNull(averagingInterval, "averagingInterval");
    if (averagingInterval.isNegative()) {
      throw new IllegalArgumentException("averagingInterval must not be negative");
    }
    samples = List.copyOf(samples);
  }
}
