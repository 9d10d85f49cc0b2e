package io.greentwin.jobs.source;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.sim.CampusSimulator;
import io.greentwin.sim.FaultFile;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.SimulationSettings;
import io.greentwin.sim.SyntheticWeather;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the simulator source simulates, self-contained so it can travel to a task manager that does
 * not have the files: the campus config's text, the fault file's text (or null), the seed, the
 * simulated start, duration (null: unbounded) and sampling interval, and the pace in simulated
 * seconds per wall-clock second (0: as fast as possible).
 */
public record SimulatorSpec(
    String campusYaml,
    String faultsYaml,
    long seed,
    Instant start,
    Duration duration,
    Duration interval,
    double speed)
    implements Serializable {
  /** The simulated time an unbounded run is given: far more than any run lasts. */
  static final Duration UNBOUNDED = Duration.ofDays(365L * 1000);

  public SimulatorSpec {
    Objects.requireNonNull(campusYaml, "campusYaml");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw argument("interval must be positive but was " + interval);
    }
    if (duration != null && duration.isNegative()) {
      throw argument("duration must not be negative but was " + duration);
    }
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw argument("speed must be >= 0 simulated seconds per second but was " + speed);
    }
  }

  /** A spec from a campus config file and an optional fault file (null). */
  public static SimulatorSpec fromFiles(
      Path campusConfig,
      Path faults,
      long seed,
      Instant start,
      Duration duration,
      Duration interval,
      double speed) {
    return new SimulatorSpec(
        read(campusConfig),
        faults == null ? null : read(faults),
        seed,
        start,
        duration,
        interval,
        speed);
  }

  /** A copy that runs until cancelled. */
  public SimulatorSpec unbounded() {
    return new SimulatorSpec(campusYaml, faultsYaml, seed, start, null, interval, speed);
  }

  /** True when the run ends after {@link #duration()}. */
  public boolean bounded() {
    return duration != null;
  }

  /** The simulator's settings; an unbounded run gets {@link #UNBOUNDED} simulated time. */
  public SimulationSettings settings() {
    return new SimulationSettings(seed, start, bounded() ? duration : UNBOUNDED, interval);
  }

  /** Loads the campus from the config text (validated exactly as {@code campus.yaml} is). */
  public Campus campus() {
    return withFile("campus.yaml", campusYaml, new CampusLoader()::loadCampus);
  }

  /** A fresh simulator of this spec over {@code campus}, with its fault plan. */
  public CampusSimulator simulator(Campus campus) {
    return simulator(campus, faults(campus));
  }

  /** The simulator with a fault plan already loaded ({@link #faults}). */
  public CampusSimulator simulator(Campus campus, FaultPlan faults) {
    var site = campus.config().site();
    return new CampusSimulator(
        campus,
        settings(),
        new SyntheticWeather(site.latitudeDeg(), site.longitudeDeg(), site.altitudeM(), seed),
        faults);
  }

  /** The fault plan of this spec for {@code campus}. */
  public FaultPlan faults(Campus campus) {
    if (faultsYaml == null) {
      return FaultPlan.NONE;
    }
    return withFile("faults.yaml", faultsYaml, f -> new FaultFile().load(f, campus));
  }

  /** The loaders read files: the text is written to a private temporary file for them. */
  private static <T> T withFile(String name, String text, java.util.function.Function<Path, T> f) {
    try {
      Path dir = Files.createTempDirectory("greentwin-sim-");
      Path file = dir.resolve(name);
      try {
        Files.writeString(file, text);
        return f.apply(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_NOT_FOUND, file + ": cannot read: " + e.getMessage(), null, e);
    }
  }

  private static GreenTwinException argument(String message) {
    return new GreenTwinException(ErrorCode.ARGUMENT_INVALID, message);
  }
}
