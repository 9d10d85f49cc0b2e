package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.campus.SiteConfig;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.sensorbus.MqttReadingPublisher;
import io.greentwin.sim.CampusSimulator;
import io.greentwin.sim.FaultFile;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.FileWeather;
import io.greentwin.sim.JsonLinesSink;
import io.greentwin.sim.PacedSink;
import io.greentwin.sim.Pacer;
import io.greentwin.sim.ReadingSink;
import io.greentwin.sim.SensorFaults;
import io.greentwin.sim.SimulationSettings;
import io.greentwin.sim.SyntheticWeather;
import io.greentwin.sim.WeatherSource;
import io.greentwin.weather.WeatherFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code greentwin simulate}: streams realistic sensor readings of the whole campus. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Streams realistic, physically consistent sensor readings of the whole campus as JSON lines"
          + " (docs/SENSOR-FORMAT.md): to stdout, to a file, or to an MQTT broker.",
      "Example: greentwin simulate --duration 1h --speed 3600 --seed 7 --out readings.jsonl"
    })
final class SimulateCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      description = "Campus config (default: ${DEFAULT-VALUE}).",
      defaultValue = "config/campus.yaml")
  Path config;

  @Option(
      names = "--duration",
      description = "Simulated time to cover (default: ${DEFAULT-VALUE}).",
      defaultValue = "1h",
      converter = DurationConverter.class)
  Duration duration;

  @Option(
      names = "--interval",
      description =
          "Sampling interval of every sensor, simulated time" + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "30s",
      converter = DurationConverter.class)
  Duration interval;

  @Option(
      names = "--speed",
      description =
          "Simulated seconds per wall-clock second; 0 = as fast"
              + " as possible (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  double speed;

  @Option(
      names = "--rate",
      description =
          "Cap on readings per wall-clock second; 0 = no cap" + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  double rate;

  @Option(
      names = "--seed",
      description = "Seed of every random process (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  @Option(names = "--start", description = "Simulated start instant, ISO-8601 (default: now).")
  Instant start;

  @Option(names = "--faults", description = "Fault-injection file (YAML or JSON).")
  Path faults;

  @Option(
      names = "--weather",
      description =
          "Weather file (TMY3, EPW or CSV) instead of the"
              + " synthetic clear-sky-with-clouds weather.")
  Path weather;

  @Option(names = "--out", description = "Write JSON lines to this file instead of stdout.")
  Path out;

  @Option(
      names = "--mqtt",
      description =
          "Publish to this MQTT broker, e.g. tcp://127.0.0.1:1883"
              + " (QoS 1, topic greentwin/readings/<thingId>/<feature>/<property>).")
  URI mqtt;

  SimulateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    check(speed >= 0, "--speed must be >= 0 but was " + speed);
    check(rate >= 0, "--rate must be >= 0 but was " + rate);
    check(!interval.isZero() && !interval.isNegative(), "--interval must be positive");
    check(!duration.isNegative(), "--duration must not be negative");
    check(out == null || mqtt == null, "--out and --mqtt cannot be combined");
    Campus campus = new CampusLoader().loadCampus(config);
    FaultPlan plan = faults == null ? FaultPlan.NONE : new FaultFile().load(faults, campus);
    Instant from = start != null ? start : now();
    SimulationSettings settings = new SimulationSettings(seed, from, duration, interval);
    CampusSimulator sim = new CampusSimulator(campus, settings, weather(campus), plan);
    Pacer pacer = Pacer.system(speed, rate, interval.toMillis());
    SimulationProgress progress =
        SimulationProgress.create(context, out != null || mqtt != null, settings.ticks());
    long given;
    try (Output output = open()) {
      ReadingSink sink = output.sink();
      if (rate > 0) {
        sink = new PacedSink(sink, pacer);
      }
      if (!plan.sensorFaults().isEmpty()) {
        sink = new SensorFaults(sink, plan, from.toEpochMilli(), sim.readingsPerTick());
      }
      given = run(sim, sink, pacer, progress);
    } catch (UncheckedIOException e) {
      if (isBrokenPipe(e)) {
        return 0;
      }
      throw new GreenTwinException(ErrorCode.IO_FAILED, "cannot write readings: " + e.getMessage());
    } finally {
      progress.close();
    }
    CampusSimulator.Totals t = sim.totals();
    spec.commandLine()
        .getErr()
        .printf(
            "simulated %d ticks, %d readings of %d things; last tick: IT %.0f kW, PUE %.3f, PV %.0f kW,"
                + " heat reused %.0f kW%n",
            settings.ticks(),
            given,
            campus.count(),
            t.itPowerKw(),
            t.pue(),
            t.pvAcKw(),
            t.heatReusedKw());
    return 0;
  }

  private long run(CampusSimulator sim, ReadingSink sink, Pacer pacer, SimulationProgress progress)
      throws InterruptedException {
    long given = 0;
    while (sim.hasNext()) {
      pacer.awaitTick(sim.nextTick());
      sim.tick(sink);
      given += sim.readingsPerTick();
      progress.step();
    }
    sink.close();
    return given;
  }

  private Instant now() {
    long ms = context.clock().millis();
    return Instant.ofEpochMilli(ms - ms % interval.toMillis());
  }

  private WeatherSource weather(Campus campus) {
    if (weather != null) {
      return new FileWeather(
          WeatherFiles.read(weather), java.time.ZoneId.of(campus.config().site().timeZone()));
    }
    SiteConfig s = campus.config().site();
    return new SyntheticWeather(s.latitudeDeg(), s.longitudeDeg(), s.altitudeM(), seed);
  }

  /** Where the readings go; closing it releases the file or the broker connection. */
  private interface Output extends AutoCloseable {
    ReadingSink sink();

    @Override
    void close() throws IOException;
  }

  private Output open() throws IOException {
    if (mqtt != null) {
      MqttReadingPublisher publisher = MqttReadingPublisher.connect(mqtt);
      return new Output() {
        public ReadingSink sink() {
          return publisher;
        }

        public void close() {
          publisher.disconnect();
        }
      };
    }
    OutputStream stream =
        out == null ? context.stdout() : new BufferedOutputStream(Files.newOutputStream(out));
    JsonLinesSink sink = new JsonLinesSink(stream);
    return new Output() {
      public ReadingSink sink() {
        return sink;
      }

      public void close() throws IOException {
        if (out != null) {
          stream.close();
        }
      }
    };
  }

  private static boolean isBrokenPipe(UncheckedIOException e) {
    String m = String.valueOf(e.getCause().getMessage());
    return m.contains("Broken pipe") || m.contains("Stream closed");
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new GreenTwinException(ErrorCode.ARGUMENT_INVALID, message);
    }
  }
}
