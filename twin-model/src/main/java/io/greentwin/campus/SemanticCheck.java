package io.greentwin.campus;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The checks a JSON schema cannot express: unique ids, references that resolve, idle below peak
 * power, at most one CDU per row, servers that fit their rack, a known time zone, real season dates
 * and a namespace Ditto accepts. Runs on the parsed tree, leniently, so that its problems are
 * reported together with the schema's (a value of the wrong type is skipped here).
 */
final class SemanticCheck {
  /** Rack units left for servers in a 42U cabinet above the 2U manifold ({@link Layout}). */
  static final int RACK_UNITS_FOR_SERVERS = 40;

  private final ConfigNode root;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private SemanticCheck(ConfigNode root) {
    this.root = root;
  }

  static List<ConfigProblem> check(JsonNode tree) {
    SemanticCheck check = new SemanticCheck(ConfigNode.root(tree));
    check.site();
    new IdCheck(check.root, check.problems).run();
    check.serverModels();
    check.halls();
    check.pv();
    check.heatConsumers();
    return check.problems;
  }

  private void site() {
    ConfigNode ns = root.get("site").get("namespace");
    if (ns.text() != null) {
      try {
        ThingId.of(ns.text(), "probe");
      } catch (DittoRuntimeException e) {
        problems.add(
            ns.problem(
                "'" + ns.text() + "' is not a valid Ditto namespace (" + e.getMessage() + ")",
                "dot- or dash-separated segments, each a letter then letters, digits or '_'"));
      }
    }
    ConfigNode zone = root.get("site").get("timeZone");
    if (zone.text() != null) {
      try {
        ZoneId.of(zone.text());
      } catch (DateTimeException e) {
        problems.add(
            zone.problem(
                "unknown time zone '" + zone.text() + "'",
                "an IANA time-zone id such as Asia/Shanghai, Europe/Berlin or UTC"));
      }
    }
  }

  private void serverModels() {
    for (ConfigNode model : root.get("serverModels").items()) {
      ConfigNode idle = model.get("idlePowerW");
      ConfigNode max = model.get("maxPowerW");
      if (idle.isNumber() && max.isNumber() && idle.number() >= max.number()) {
        problems.add(
            idle.problem(
                "idlePowerW "
                    + idle.node().asText()
                    + " W is not below maxPowerW "
                    + max.node().asText()
                    + " W",
                "idlePowerW < maxPowerW (CPU servers idle at about 0.2-0.35 of peak, DOMAIN.md)"));
      }
    }
    for (ConfigNode profile : root.get("workloadProfiles").items()) {
      ConfigNode base = profile.get("baseUtilisation");
      ConfigNode peak = profile.get("peakUtilisation");
      if (base.isNumber() && peak.isNumber() && base.number() > peak.number()) {
        problems.add(
            base.problem(
                "baseUtilisation "
                    + base.node().asText()
                    + " is above peakUtilisation "
                    + peak.node().asText(),
                "baseUtilisation <= peakUtilisation"));
      }
    }
  }

  private void halls() {
    Map<String, ConfigNode> models = byId(root.get("serverModels"));
    Map<String, ConfigNode> profiles = byId(root.get("workloadProfiles"));
    for (ConfigNode building : root.get("buildings").items()) {
      for (ConfigNode hall : building.get("halls").items()) {
        reference(hall.get("serverModel"), models, "server model", "serverModels");
        reference(hall.get("workloadProfile"), profiles, "workload profile", "workloadProfiles");
        ConfigNode cdus = hall.get("cdus");
        ConfigNode rows = hall.get("rows");
        if (cdus.isNumber() && rows.isNumber() && cdus.number() > rows.number()) {
          problems.add(
              cdus.problem(
                  cdus.node().asText() + " CDUs for " + rows.node().asText() + " rows",
                  "at most one CDU per row: cdus <= rows (" + rows.node().asText() + ")"));
        }
        fitsRack(hall, models.get(hall.get("serverModel").text()));
      }
    }
  }

  private void fitsRack(ConfigNode hall, ConfigNode model) {
    ConfigNode servers = hall.get("serversPerRack");
    ConfigNode heightU = model == null ? null : model.get("heightU");
    if (heightU != null && servers.isNumber() && heightU.isNumber()) {
      double units = servers.number() * heightU.number();
      if (units > RACK_UNITS_FOR_SERVERS) {
        problems.add(
            servers.problem(
                servers.node().asText()
                    + " servers of "
                    + heightU.node().asText()
                    + "U need "
                    + (int) units
                    + "U",
                "serversPerRack x heightU <= "
                    + RACK_UNITS_FOR_SERVERS
                    + " (a 42U rack less 2U for the coolant manifold)"));
      }
    }
  }

  private void pv() {
    Map<String, ConfigNode> buildings = byId(root.get("buildings"));
    for (ConfigNode array : root.get("pv").items()) {
      String kind = array.get("kind").text();
      ConfigNode building = array.get("building");
      if ("rooftop".equals(kind)) {
        if (!building.present()) {
          problems.add(
              building.problem(
                  "a rooftop array must name its building",
                  "building: one of " + String.join(", ", buildings.keySet())));
        } else {
          reference(building, buildings, "building", "buildings");
        }
      } else if ("ground".equals(kind)) {
        if (building.present()) {
          problems.add(
              building.problem(
                  "a ground array stands on the site, not on a building",
                  "no building for kind: ground (or kind: rooftop)"));
        }
        if (!array.get("position").present()) {
          problems.add(
              array
                  .get("position")
                  .problem(
                      "a ground array needs a position",
                      "position: { xM: <metres east>, yM: <metres north> }"));
        }
      }
    }
  }

  private void heatConsumers() {
    ConfigNode recovery = root.get("heatRecovery");
    for (ConfigNode consumer : List.of(recovery.get("districtHeating"), recovery.get("ecoPark"))) {
      ConfigNode start = consumer.get("seasonStart");
      ConfigNode end = consumer.get("seasonEnd");
      if (start.present() != end.present()) {
        ConfigNode given = start.present() ? start : end;
        problems.add(
            given.problem(
                "a heating season needs both seasonStart and seasonEnd",
                "both seasonStart and seasonEnd (MM-DD), or neither for all year"));
      }
      monthDay(start);
      monthDay(end);
      ConfigNode supply = consumer.get("supplyTempC");
      ConfigNode ret = consumer.get("returnTempC");
      if (supply.isNumber() && ret.isNumber() && ret.number() >= supply.number()) {
        problems.add(
            ret.problem(
                "returnTempC "
                    + ret.node().asText()
                    + " C is not below supplyTempC "
                    + supply.node().asText()
                    + " C",
                "returnTempC < supplyTempC"));
      }
    }
  }

  private void monthDay(ConfigNode date) {
    String text = date.text();
    if (text != null && text.matches("[0-9]{2}-[0-9]{2}")) {
      try {
        MonthDay.parse("--" + text);
      } catch (DateTimeException e) {
        problems.add(
            date.problem(
                "'" + text + "' is not a day of the year",
                "MM-DD with a real month and day, e.g. 11-15"));
      }
    }
  }

  private void reference(
      ConfigNode ref, Map<String, ConfigNode> targets, String what, String listPath) {
    if (ref.text() != null && !targets.containsKey(ref.text())) {
      problems.add(
          ref.problem(
              "unknown " + what + " '" + ref.text() + "'",
              "the id of one of " + listPath + ": " + String.join(", ", targets.keySet())));
    }
  }

  /** The entries of a list of objects by their {@code id} (first wins). */
  static Map<String, ConfigNode> byId(ConfigNode list) {
    Map<String, ConfigNode> map = new LinkedHashMap<>();
    for (ConfigNode item : list.items()) {
      String id = item.get("id").text();
      if (id != null) {
        map.putIfAbsent(id, item);
      }
    }
    return map;
  }
}
