package io.greentwin.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.CampusSimulator;
import io.greentwin.sim.JsonLinesSink;
import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingJson;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the simulator gives outside Flink, and twin patches read back, to compare with. */
public final class SimulatedRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SimulatedRun() {}

  private static final Map<List<Object>, String> LINES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The JSON lines of a run without its faults: what every sensor really measured. */
  public static String cleanLines(SimulatorSpec spec) {
    return LINES.computeIfAbsent(
        List.of(spec.seed(), spec.start(), spec.duration(), spec.interval()), k -> simulate(spec));
  }

  private static String simulate(SimulatorSpec spec) {
    CampusSimulator sim =
        new SimulatorSpec(
                spec.campusYaml(),
                null,
                spec.seed(),
                spec.start(),
                spec.duration(),
                spec.interval(),
                0)
            .simulator(TestCampus.campus());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sim.runAll(new JsonLinesSink(bytes));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Every reading of a run without its faults. */
  public static List<Reading> readings(SimulatorSpec spec) {
    ReadingJson parser = new ReadingJson();
    List<Reading> out = new ArrayList<>();
    cleanLines(spec).lines().forEach(l -> out.add(parser.parse(l)));
    return out;
  }

  /** The newest value of every sensor of a run: thing id → {@code feature/property} → value. */
  public static Map<String, Map<String, Double>> lastValues(SimulatorSpec spec) {
    Map<String, Map<String, Double>> last = new HashMap<>();
    for (Reading r : readings(spec)) {
      last.computeIfAbsent(r.thingId(), k -> new TreeMap<>())
          .put(r.feature() + "/" + r.property(), r.value());
    }
    return last;
  }

  /** The property values a merge patch at {@code /} carries: {@code feature/property} → value. */
  public static Map<String, Double> values(TwinPatch patch) {
    try {
      Map<String, Double> out = new TreeMap<>();
      JsonNode features = JSON.readTree(patch.json()).get("features");
      for (Iterator<Map.Entry<String, JsonNode>> f = features.fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> feature = f.next();
        for (Iterator<Map.Entry<String, JsonNode>> p =
                feature.getValue().get("properties").fields();
            p.hasNext(); ) {
          Map.Entry<String, JsonNode> prop = p.next();
          if (!prop.getValue().isNumber()) {
            continue; // observedAt
          }
          out.put(feature.getKey() + "/" + prop.getKey(), prop.getValue().asDouble());
        }
      }
      return out;
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The patches merged per thing in arrival order: thing id → merged values. */
  public static Map<String, Map<String, Double>> merged(List<TwinPatch> patches) {
    Map<String, Map<String, Double>> twins = new HashMap<>();
    for (TwinPatch p : patches) {
      twins.computeIfAbsent(p.thingId(), k -> new TreeMap<>()).putAll(values(p));
    }
    return twins;
  }
}
