package io.greentwin.testsupport;

import io.greentwin.jobs.source.SimulatorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo campus of {@code config/campus.yaml} with its halls cut down to 4 rows of 3 racks of 2
 * servers: every kind of thing, a few hundred sensors, so an end-to-end job over it runs in
 * seconds.
 */
public final class SmallCampus {
  public static final Path DEMO_CONFIG =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml");

  private SmallCampus() {}

  /**
   * Five simulated minutes of the small campus in {@code config}, 10 s ticks, at {@code speed}
   * simulated seconds per second (30: about 10 s of wall-clock time).
   */
  public static SimulatorSpec fiveMinutes(Path config, long seed, Instant start, double speed) {
    return SimulatorSpec.fromFiles(
        config, null, seed, start, Duration.ofMinutes(5), Duration.ofSeconds(10), speed);
  }

  /** Writes the small campus config into {@code dir} and returns its path. */
  public static Path writeTo(Path dir) throws IOException {
    String yaml =
        Files.readString(DEMO_CONFIG)
            .replaceAll("(?m)^(\\s+)rows: \\d+", "$1rows: 4")
            .replaceAll("(?m)^(\\s+)racksPerRow: \\d+", "$1racksPerRow: 3")
            .replaceAll("(?m)^(\\s+)serversPerRack: \\d+", "$1serversPerRack: 2");
    return Files.writeString(dir.resolve("campus.yaml"), yaml);
  }
}
