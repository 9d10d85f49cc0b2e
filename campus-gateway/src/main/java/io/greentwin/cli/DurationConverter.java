package io.greentwin.cli;

import io.greentwin.sim.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Picocli converter for durations such as {@code 30s}, {@code 1h}, {@code PT10M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
