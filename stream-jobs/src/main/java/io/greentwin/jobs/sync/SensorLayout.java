package io.greentwin.jobs.sync;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.PointSpec;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensors of one kind of thing in catalogue order ({@link AssetKind#points()}): a sensor's
 * ordinal indexes its row in a {@link SensorTable}, so keyed state needs no per-sensor map and no
 * {@code feature/property} string per reading. Also the order of the sensors by path, the order a
 * coalesced merge lists them in.
 */
final class SensorLayout {
  private final String[] paths;
  private final String[] features;
  private final String[] properties;
  private final int[] byPath;
  private final Map<String, Map<String, Integer>> ordinals = new HashMap<>();

  private SensorLayout(List<PointSpec> points) {
    int n = points.size();
    paths = new String[n];
    features = new String[n];
    properties = new String[n];
    for (int i = 0; i < n; i++) {
      PointSpec p = points.get(i);
      paths[i] = p.path();
      features[i] = p.feature();
      properties[i] = p.property();
      ordinals.computeIfAbsent(p.feature(), f -> new HashMap<>()).put(p.property(), i);
    }
    Integer[] sorted = new Integer[n];
    Arrays.setAll(sorted, i -> i);
    Arrays.sort(sorted, Comparator.comparing(i -> paths[i]));
    byPath = Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
  }

  static SensorLayout of(List<PointSpec> points) {
    return new SensorLayout(points);
  }

  /** The layout of every kind. */
  static Map<AssetKind, SensorLayout> ofEveryKind() {
    Map<AssetKind, SensorLayout> all = new EnumMap<>(AssetKind.class);
    for (AssetKind k : AssetKind.values()) {
      all.put(k, of(k.points()));
    }
    return all;
  }

  /** The ordinal of {@code feature/property}, or -1 when the kind has no such sensor. */
  int ordinal(String feature, String property) {
    Map<String, Integer> ofFeature = ordinals.get(feature);
    Integer i = ofFeature == null ? null : ofFeature.get(property);
    return i == null ? -1 : i;
  }

  int size() {
    return paths.length;
  }

  /** {@code feature/property} of each ordinal; the array itself, shared by the tables of a kind. */
  String[] paths() {
    return paths;
  }

  String feature(int ordinal) {
    return features[ordinal];
  }

  String property(int ordinal) {
    return properties[ordinal];
  }

  /** The ordinal of the {@code k}-th sensor in path order. */
  int byPath(int k) {
    return byPath[k];
  }
}
