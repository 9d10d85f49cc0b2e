package io.greentwin.campus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The asset records of an expanded campus, one per kind. */
public final class Assets {
  private Assets() {}

  /** The campus site itself: the root of containment. */
  public record Site(String id, String name, Position position, Size size, SiteConfig config)
      implements Asset {
    public AssetKind kind() {
      return AssetKind.SITE;
    }

    public String parentId() {
      return null;
    }

    public Map<String, Object> attributes() {
      return attrs(
          "latitudeDeg", config.latitudeDeg(),
          "longitudeDeg", config.longitudeDeg(),
          "altitudeM", config.altitudeM(),
          "timeZone", config.timeZone());
    }
  }

  /** A building of halls. */
  public record Building(String id, String name, String parentId, Position position, Size size)
      implements Asset {
    public AssetKind kind() {
      return AssetKind.BUILDING;
    }
  }

  /** A data hall. {@code index} is its position in the campus-wide hall list. */
  public record Hall(
      String id,
      String name,
      String parentId,
      Position position,
      Size size,
      int index,
      ServerModelConfig serverModel,
      WorkloadProfileConfig workload,
      HallConfig config)
      implements Asset {
    public AssetKind kind() {
      return AssetKind.HALL;
    }

    public Map<String, Object> attributes() {
      return attrs(
          "serverModel", serverModel.id(),
          "workloadProfile", workload.id(),
          "rows", config.rows(),
          "racksPerRow", config.racksPerRow(),
          "serversPerRack", config.serversPerRack());
    }
  }

  /** A row of racks in a hall. */
  public record Row(String id, String name, String parentId, Position position, Size size)
      implements Asset {
    public AssetKind kind() {
      return AssetKind.ROW;
    }
  }

  /** A rack, cooled by one CDU. {@code hallIndex}/{@code cduIndex} index the campus lists. */
  public record Rack(
      String id,
      String name,
      String parentId,
      Position position,
      Size size,
      int hallIndex,
      int cduIndex,
      String cduId,
      int serverCount)
      implements Asset {
    public AssetKind kind() {
      return AssetKind.RACK;
    }

    public Map<String, Object> attributes() {
      return attrs("serverCount", serverCount);
    }

    public Map<String, String> relations() {
      return Map.of("isFedBy", cduId);
    }
  }

  /** A server. {@code rackIndex} indexes the campus rack list. */
  public record Server(
      String id,
      String name,
      String parentId,
      Position position,
      Size size,
      int rackIndex,
      ServerModelConfig model)
      implements Asset {
    public AssetKind kind() {
      return AssetKind.SERVER;
    }

    public Map<String, Object> attributes() {
      return attrs(
          "model", model.id(),
          "serverKind", model.kind(),
          "idlePowerW", model.idlePowerW(),
          "maxPowerW", model.maxPowerW(),
          "liquidFraction", model.liquidFraction());
    }
  }

  /** A coolant distribution unit between the primary loop and a hall's racks. */
  public record Cdu(
      String id,
      String name,
      String parentId,
      Position position,
      Size size,
      int hallIndex,
      double capacityKw,
      String loopId)
      implements Asset {
    public AssetKind kind() {
      return AssetKind.CDU;
    }

    public Map<String, Object> attributes() {
      return attrs("capacityKw", capacityKw);
    }

    public Map<String, String> relations() {
      return Map.of("isFedBy", loopId);
    }
  }

  /** Any other plant asset (pump, loop, dry cooler, chiller, heat pump, PV, meters...). */
  public record Plant(
      String id,
      AssetKind kind,
      String name,
      String parentId,
      Position position,
      Size size,
      Map<String, Object> attributes,
      Map<String, String> relations)
      implements Asset {
    public Plant {
      attributes = ordered(attributes);
      relations = ordered(relations);
    }
  }

  /** An ordered attribute map from alternating keys and values. */
  static Map<String, Object> attrs(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /**
   * An immutable copy of a map that keeps its iteration order (unlike {@link Map#copyOf}, whose
   * order changes from one JVM run to the next) and, like it, rejects null keys and values.
   */
  static <V> Map<String, V> ordered(Map<String, V> map) {
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
    return Collections.unmodifiableMap(copy);
  }

  /** An immutable copy of an asset list. */
  static <T extends Asset> List<T> copy(List<T> list) {
    return List.copyOf(list);
  }
}
