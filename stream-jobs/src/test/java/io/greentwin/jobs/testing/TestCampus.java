package io.greentwin.jobs.testing;

import io.greentwin.campus.Campus;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.sync.SensorCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo campus of {@code config/campus.yaml} with its halls cut down to 4 rows of 3 racks of 2
 * servers (every kind of thing, a few hundred sensors), so workflow tests run in seconds; loaded
 * once per test JVM.
 */
public final class TestCampus {
  public static final Path CONFIG =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml");
  public static final String YAML = small(read(CONFIG));
  public static final Instant START = Instant.parse("2026-06-21T10:00:00Z");
  public static final Duration INTERVAL = Duration.ofSeconds(30);

  private static Campus campus;
  private static SensorCatalogue catalogue;

  private TestCampus() {}

  public static synchronized Campus campus() {
    if (campus == null) {
      campus = spec(Duration.ZERO, null).campus();
    }
    return campus;
  }

  public static synchronized SensorCatalogue catalogue() {
    if (catalogue == null) {
      catalogue = SensorCatalogue.of(campus());
    }
    return catalogue;
  }

  /** A fast (unpaced) simulation of the demo campus, 30 s sampling, seed 7. */
  public static SimulatorSpec spec(Duration duration, String faultsYaml) {
    return new SimulatorSpec(YAML, faultsYaml, 7, START, duration, INTERVAL, 0);
  }

  private static String small(String yaml) {
    return yaml.replaceAll("(?m)^(\\s+)rows: \\d+", "$1rows: 4")
        .replaceAll("(?m)^(\\s+)racksPerRow: \\d+", "$1racksPerRow: 3")
        .replaceAll("(?m)^(\\s+)serversPerRack: \\d+", "$1serversPerRack: 2");
  }

  /** The number of sensors of the campus. */
  public static int sensors() {
    return campus().assets().stream().mapToInt(a -> a.kind().points().size()).sum();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
