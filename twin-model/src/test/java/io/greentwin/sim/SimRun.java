package io.greentwin.sim;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the demo campus simulator in tests and reads its output back through the parser. */
final class SimRun {
  static final Campus CAMPUS =
      new CampusLoader()
          .loadCampus(
              Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml"));

  private SimRun() {}

  static CampusSimulator simulator(long seed, String start, Duration duration, FaultPlan faults) {
    SimulationSettings settings =
        new SimulationSettings(seed, Instant.parse(start), duration, Duration.ofSeconds(30));
    var s = CAMPUS.config().site();
    return new CampusSimulator(
        CAMPUS,
        settings,
        new SyntheticWeather(s.latitudeDeg(), s.longitudeDeg(), s.altitudeM(), seed),
        faults);
  }

  /** The JSON lines of a whole run, sensor faults applied. */
  static String lines(long seed, String start, Duration duration, FaultPlan faults) {
    CampusSimulator sim = simulator(seed, start, duration, faults);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReadingSink sink = new JsonLinesSink(bytes);
    if (!faults.sensorFaults().isEmpty()) {
      sink =
          new SensorFaults(
              sink, faults, Instant.parse(start).toEpochMilli(), sim.readingsPerTick());
    }
    sim.runAll(sink);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The readings of a run, parsed, keyed by tick time then sensor key (last one wins). */
  static Map<Instant, Map<String, Double>> byTick(String lines) {
    ReadingJson parser = new ReadingJson();
    Map<Instant, Map<String, Double>> out = new java.util.TreeMap<>();
    for (String line : lines.split("\n")) {
      Reading r = parser.parse(line);
      out.computeIfAbsent(r.eventTime(), t -> new HashMap<>()).put(r.sensorKey(), r.value());
    }
    return out;
  }

  /** Every parsed reading in stream order. */
  static List<Reading> readings(String lines) {
    ReadingJson parser = new ReadingJson();
    List<Reading> out = new ArrayList<>();
    for (String line : lines.split("\n")) {
      out.add(parser.parse(line));
    }
    return out;
  }

  static String id(String local) {
    return CAMPUS.thingId(local);
  }
}
