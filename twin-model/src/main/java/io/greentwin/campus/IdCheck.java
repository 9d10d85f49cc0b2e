package io.greentwin.campus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unique ids: server models and workload profiles among themselves, and every thing name the config
 * gives or implies, across all assets: the site ({@code campus}), buildings, halls within a
 * building ({@code b1-h1}), plant, PV arrays with their inverters ({@code <id>-invNN}), pumps and
 * dry coolers ({@code pump-N}, {@code dry-cooler-N}), meters, hub and weather station.
 */
final class IdCheck {
  private static final String ALLOWED =
      "an id that no other asset uses (the generated names campus, pump-N, dry-cooler-N,"
          + " <building>-<hall> and <pv id>-invNN are taken too)";

  /** Generated names are checked up to this count; larger counts are out of the schema's range. */
  private static final int MAX_NUMBERED = 999;

  private final ConfigNode root;
  private final List<ConfigProblem> problems;
  private final Map<String, ConfigNode> thingNames = new LinkedHashMap<>();

  IdCheck(ConfigNode root, List<ConfigProblem> problems) {
    this.root = root;
    this.problems = problems;
  }

  void run() {
    unique(root.get("serverModels"), "server model");
    unique(root.get("workloadProfiles"), "workload profile");
    claim("campus", root.get("site"), "campus");
    ConfigNode cooling = root.get("cooling");
    numbered("pump-", cooling.get("pumps").get("count"));
    numbered("dry-cooler-", cooling.get("dryCoolers").get("count"));
    for (ConfigNode building : root.get("buildings").items()) {
      String b = claimId(building);
      for (ConfigNode hall : building.get("halls").items()) {
        String h = hall.get("id").text();
        if (b != null && h != null) {
          claim(b + "-" + h, hall.get("id"), h);
        }
      }
    }
    claimId(root.get("grid").get("meterId"));
    claimId(cooling.get("warmWaterLoop"));
    claimId(cooling.get("trimChiller"));
    ConfigNode recovery = root.get("heatRecovery");
    for (String part : List.of("loop", "heatPump", "districtHeating", "ecoPark")) {
      claimId(recovery.get(part));
    }
    for (ConfigNode array : root.get("pv").items()) {
      String id = claimId(array);
      ConfigNode inverters = array.get("inverters");
      for (int i = 1; id != null && i <= count(inverters); i++) {
        claim(id + String.format("-inv%02d", i), inverters, null);
      }
    }
    claimId(root.get("evHub"));
    claimId(root.get("weatherStation"));
  }

  /**
   * Claims the thing name of an object's {@code id} (or of a bare id node); returns it, or null
   * when absent or already taken (so that names derived from it are not reported again).
   */
  private String claimId(ConfigNode node) {
    ConfigNode id = node.node().isTextual() ? node : node.get("id");
    String name = id.text();
    return name != null && claim(name, id, name) ? name : null;
  }

  private void numbered(String prefix, ConfigNode count) {
    for (int i = 1; i <= count(count); i++) {
      claim(prefix + i, count, null);
    }
  }

  private static int count(ConfigNode count) {
    return count.isNumber() ? (int) Math.min(count.number(), MAX_NUMBERED) : 0;
  }

  /** Records a thing name; a second use is a problem at {@code node}, and false. */
  private boolean claim(String name, ConfigNode node, String givenId) {
    ConfigNode first = thingNames.putIfAbsent(name, node);
    if (first == null) {
      return true;
    }
    String what =
        givenId == null
            ? "generated thing name '" + name + "'"
            : "duplicate id '" + givenId + "' (thing name '" + name + "')";
    problems.add(node.problem(what + " is already used by " + where(first), ALLOWED));
    return false;
  }

  private void unique(ConfigNode list, String what) {
    Map<String, ConfigNode> seen = new LinkedHashMap<>();
    for (ConfigNode item : list.items()) {
      ConfigNode id = item.get("id");
      if (id.text() != null && seen.putIfAbsent(id.text(), id) != null) {
        problems.add(
            id.problem(
                "duplicate "
                    + what
                    + " id '"
                    + id.text()
                    + "', already used by "
                    + where(seen.get(id.text())),
                "an id no other " + what + " uses"));
      }
    }
  }

  private static String where(ConfigNode node) {
    return node.path() + (node.line() > 0 ? " (line " + node.line() + ")" : "");
  }
}
