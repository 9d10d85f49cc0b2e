package io.greentwin.jobs.incident;

import io.greentwin.campus.Asset;
import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Assets;
import io.greentwin.campus.Campus;
import io.greentwin.campus.PointSpec;
import io.greentwin.jobs.incident.WatchedPoint.Limit;
import io.greentwin.jobs.sync.PhysicalBounds;
import io.greentwin.jobs.sync.SensorMap;
import io.greentwin.sim.Reading;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every sensor the incident job watches (all but the servers', which the rack points summarise),
 * with its checks and its place in the cooling topology: racks → their CDU → its loop; pumps feed a
 * loop; rack → row → hall; inverters → their array. Small and serialisable.
 */
final class IncidentTopology implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String namespace;
  private final SensorMap<WatchedPoint> points;
  private final Map<String, String> pvArrayOf;

  private IncidentTopology(
      String namespace, SensorMap<WatchedPoint> points, Map<String, String> pvArrayOf) {
    this.namespace = namespace;
    this.points = points;
    this.pvArrayOf = pvArrayOf;
  }

  static IncidentTopology of(Campus campus, IncidentConfig config) {
    Map<String, Duration> stuck = config.stuckPoints();
    Map<String, String> rowHall = new HashMap<>();
    campus.rows().forEach(r -> rowHall.put(r.id(), r.parentId()));
    Map<String, Assets.Cdu> cdus = new HashMap<>();
    campus.cdus().forEach(c -> cdus.put(c.id(), c));
    Set<String> coolingLoops = new HashSet<>();
    campus.cdus().forEach(c -> coolingLoops.add(c.loopId()));
    SensorMap<WatchedPoint> points = new SensorMap<>();
    Map<String, String> pvArrayOf = new HashMap<>();
    for (Asset a : campus.assets()) {
      if (a.kind() == AssetKind.SERVER) {
        continue;
      }
      Place place = place(a, cdus, rowHall, coolingLoops);
      for (PointSpec p : a.kind().points()) {
        String point = p.path();
        Signal deviation = deviation(a.kind(), point, place.loopId());
        points.put(
            a.id(),
            p.feature(),
            p.property(),
            new WatchedPoint(
                a.id(),
                a.kind(),
                point,
                limit(a.kind(), point, place.loopId()),
                deviation,
                stuckCheck(stuck.get(a.kind() + " " + point), p),
                place.loopId(),
                place.zoneId(),
                place.hallId(),
                a.kind() == AssetKind.HEAT_EXPORT
                    ? a.relations().getOrDefault("isFedBy", "")
                    : ""));
      }
      if (a.kind() == AssetKind.PV_ARRAY) {
        pvArrayOf.put(a.id(), a.id());
      } else if (a.kind() == AssetKind.PV_INVERTER) {
        pvArrayOf.put(a.id(), a.relations().get("isFedBy"));
      }
    }
    return new IncidentTopology(campus.namespace(), points, pvArrayOf);
  }

  /** The stuck check of a point watched for at least {@code after}; null when not watched. */
  private static WatchedPoint.StuckCheck stuckCheck(Duration after, PointSpec p) {
    if (after == null) {
      return null;
    }
    PhysicalBounds.Range range = PhysicalBounds.of(p);
    return new WatchedPoint.StuckCheck(after.toMillis(), range.min(), range.max());
  }

  /** A thing's cooling loop, its zone (CDU, or loop for loop-wide things) and hall. */
  private record Place(String loopId, String zoneId, String hallId) {
    static final Place NONE = new Place("", "", "");
  }

  private static Place place(
      Asset a, Map<String, Assets.Cdu> cdus, Map<String, String> rowHall, Set<String> loops) {
    return switch (a.kind()) {
      case CDU -> new Place(((Assets.Cdu) a).loopId(), a.id(), "");
      case RACK -> {
        Assets.Rack rack = (Assets.Rack) a;
        yield new Place(cdus.get(rack.cduId()).loopId(), rack.cduId(), rowHall.get(a.parentId()));
      }
      case PUMP -> {
        String loop = a.relations().getOrDefault("feeds", "");
        yield new Place(loop, loop, "");
      }
      case WATER_LOOP -> loops.contains(a.id()) ? new Place(a.id(), a.id(), "") : Place.NONE;
      default -> Place.NONE;
    };
  }

  private static Limit limit(AssetKind kind, String point, String loopId) {
    if (loopId.isEmpty()) {
      return Limit.NONE;
    }
    if (kind == AssetKind.CDU && point.equals("primary/supplyTempC")
        || kind == AssetKind.WATER_LOOP && point.equals("temperatures/supplyTempC")) {
      return Limit.WATER_SUPPLY;
    }
    return kind == AssetKind.RACK && point.equals("thermal/inletTempC")
        ? Limit.AIR_INLET
        : Limit.NONE;
  }

  private static Signal deviation(AssetKind kind, String point, String loopId) {
    if (loopId.isEmpty()) {
      return null;
    }
    return switch (kind + " " + point) {
      case "CDU primary/flowM3h", "WATER_LOOP flow/flowM3h", "PUMP hydraulics/flowM3h" ->
          Signal.FLOW_LOSS;
      case "CDU secondary/supplyTempC", "RACK coolant/supplyTempC", "RACK thermal/inletTempC" ->
          Signal.TEMP_RISE;
      default -> null;
    };
  }

  /** The watched sensor {@code thingId/feature/property}, or null. */
  WatchedPoint point(String sensorKey) {
    return points.get(sensorKey);
  }

  /** The watched sensor of a reading, or null. */
  WatchedPoint point(Reading r) {
    return points.get(r);
  }

  /** The PV array of an array or inverter thing, or null. */
  String pvArrayOf(String thingId) {
    return pvArrayOf.get(thingId);
  }

  /** The thing id of an incident's twin. */
  String incidentThingId(String incidentId) {
    return namespace + ":incident-" + incidentId;
  }
}
