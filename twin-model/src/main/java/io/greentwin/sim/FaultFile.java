package io.greentwin.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greentwin.campus.Asset;
import io.greentwin.campus.Campus;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a fault-injection file (YAML or JSON, see docs/SENSOR-FORMAT.md): {@code faults:} a list of
 * {type, target, point, start, duration, magnitude, skew, delayTicks}. Every problem is reported
 * with file, entry and field, and what is allowed.
 */
public final class FaultFile {
  private static final Set<String> FIELDS =
      Set.of("type", "target", "point", "start", "duration", "magnitude", "skew", "delayTicks");
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Loads and checks a fault file against the campus. */
  public FaultPlan load(Path file, Campus campus) {
    JsonNode root;
    try {
      root = yaml.readTree(file.toFile());
    } catch (IOException e) {
      throw error(file + ": cannot read fault file: " + e.getMessage());
    }
    JsonNode list = root == null ? null : root.get("faults");
    if (list == null || !list.isArray()) {
      throw error(file + ": faults: must be a list of faults");
    }
    Map<String, Asset> things = new HashMap<>();
    campus.assets().forEach(a -> things.put(a.id(), a));
    List<String> problems = new ArrayList<>();
    List<Fault> faults = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = file + ": faults[" + i + "]";
      try {
        faults.add(parse(list.get(i), campus, things));
      } catch (IllegalArgumentException e) {
        problems.add(where + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw error(String.join("\n", problems));
    }
    return new FaultPlan(faults);
  }

  private Fault parse(JsonNode n, Campus campus, Map<String, Asset> things) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("." + f + ": unknown field; allowed: " + FIELDS);
      }
    }
    FaultType type = field("type", () -> FaultType.of(required(n, "type")));
    String target = n.hasNonNull("target") ? n.get("target").asText() : null;
    String thingId = target == null ? null : resolve(type, target, campus, things);
    if (thingId == null && !type.isSensorFault()) {
      throw new IllegalArgumentException(".target: required for " + type.id());
    }
    Duration start = field("start", () -> Durations.parse(required(n, "start")));
    Duration duration = field("duration", () -> Durations.parse(required(n, "duration")));
    double magnitude = n.hasNonNull("magnitude") ? n.get("magnitude").asDouble() : Double.NaN;
    Duration skew = n.hasNonNull("skew") ? field("skew", () -> parseSigned(n.get("skew"))) : null;
    int delay = n.hasNonNull("delayTicks") ? n.get("delayTicks").asInt() : 3;
    String point = n.hasNonNull("point") ? n.get("point").asText() : null;
    return new Fault(type, thingId, point, start, duration, magnitude, skew, delay);
  }

  private static String resolve(
      FaultType type, String target, Campus campus, Map<String, Asset> things) {
    String id = target.contains(":") ? target : campus.thingId(target);
    Asset a = things.get(id);
    if (a == null) {
      throw new IllegalArgumentException(".target: no thing '" + target + "' in the campus");
    }
    if (type.targetKind() != null && a.kind() != type.targetKind()) {
      String allowed =
          campus.assets().stream()
              .filter(x -> x.kind() == type.targetKind())
              .limit(8)
              .map(Asset::id)
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          ".target: '"
              + target
              + "' is a "
              + a.kind()
              + "; "
              + type.id()
              + " needs a "
              + type.targetKind()
              + ", e.g. "
              + allowed);
    }
    return id;
  }

  private static Duration parseSigned(JsonNode n) {
    String s = n.asText().trim();
    return s.startsWith("-") ? Durations.parse(s.substring(1)).negated() : Durations.parse(s);
  }

  private static String required(JsonNode n, String field) {
    if (!n.hasNonNull(field)) {
      throw new IllegalArgumentException("missing");
    }
    return n.get(field).asText();
  }

  private static <T> T field(String name, java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("." + name + ": " + e.getMessage());
    }
  }

  private static GreenTwinException error(String message) {
    return new GreenTwinException(ErrorCode.FAULTS_INVALID, message, "fault file is invalid", null);
  }
}
