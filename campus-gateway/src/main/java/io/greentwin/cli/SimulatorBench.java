package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.campus.SiteConfig;
import io.greentwin.sim.CampusSimulator;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.JsonLinesSink;
import io.greentwin.sim.SimulationSettings;
import io.greentwin.sim.SyntheticWeather;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures the simulator alone: every reading generated and serialised to JSON into a stream that
 * counts and discards the bytes, on the calling thread, after a warm-up.
 */
final class SimulatorBench {
  private final Campus campus;

  SimulatorBench(Path config) {
    this.campus = new CampusLoader().loadCampus(config);
  }

  record Result(long readings, long bytes, double seconds, int sensors) {
    double readingsPerSecond() {
      return readings / seconds;
    }
  }

  Result run(double warmupSeconds, double seconds) {
    measure(warmupSeconds);
    return measure(seconds);
  }

  private Result measure(double seconds) {
    SiteConfig s = campus.config().site();
    SimulationSettings settings =
        new SimulationSettings(
            7,
            Instant.parse("2026-06-21T00:00:00Z"),
            Duration.ofDays(3650),
            Duration.ofSeconds(10));
    CampusSimulator sim =
        new CampusSimulator(
            campus,
            settings,
            new SyntheticWeather(s.latitudeDeg(), s.longitudeDeg(), s.altitudeM(), 7),
            FaultPlan.NONE);
    CountingStream counter = new CountingStream();
    JsonLinesSink sink = new JsonLinesSink(counter);
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline && sim.hasNext()) {
      sim.tick(sink);
    }
    sink.close();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    return new Result(sink.written(), counter.bytes, elapsed, sim.readingsPerTick());
  }

  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
