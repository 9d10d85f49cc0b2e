package io.greentwin.jobs.sync;

import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.json.JsonText;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coalesced merge of a thing: {@code {"features":{"coolant":{"properties":{"supplyTempC":48.3,
 * …,"observedAt":"2026-06-21T11:00:30.000Z"}}}}} with every pending value of its {@link
 * SensorTable}, sensors in path order (so one feature's properties are adjacent); each feature's
 * {@link ObservedAt#PROPERTY} is the event time of its newest reading in the merge, and the merge
 * is conditional on each feature's oldest ({@link ObservedAt#condition}).
 */
final class PatchJson {
  private PatchJson() {}

  /** The merge of the pending values of {@code table}, now marked sent; null when none is. */
  static TwinPatch take(String thingId, SensorTable table, SensorLayout layout) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"features\":{");
    Map<String, Long> oldestByFeature = new TreeMap<>();
    String openFeature = null;
    long featureNewestMs = Long.MIN_VALUE;
    long newestMs = Long.MIN_VALUE;
    for (int k = 0; k < layout.size(); k++) {
      int i = layout.byPath(k);
      if (!table.pending[i]) {
        continue;
      }
      table.pending[i] = false;
      String feature = layout.feature(i);
      long ms = table.eventTimeMs[i];
      if (!feature.equals(openFeature)) {
        if (openFeature != null) {
          observedAt(json, featureNewestMs).append("}},");
        }
        JsonText.quote(json, feature).append(":{\"properties\":{");
        openFeature = feature;
        featureNewestMs = Long.MIN_VALUE;
      } else {
        json.append(',');
      }
      JsonText.quote(json, layout.property(i)).append(':');
      number(json, table.values[i]);
      featureNewestMs = Math.max(featureNewestMs, ms);
      newestMs = Math.max(newestMs, ms);
      oldestByFeature.merge(feature, ms, Math::min);
    }
    if (openFeature == null) {
      return null;
    }
    observedAt(json, featureNewestMs).append("}}");
    String text = json.append("}}").toString();
    return new TwinPatch(
        thingId, "/", text, false, newestMs, ObservedAt.condition(oldestByFeature));
  }

  private static StringBuilder observedAt(StringBuilder json, long epochMs) {
    json.append(",\"").append(ObservedAt.PROPERTY).append("\":\"");
    return json.append(ObservedAt.format(epochMs)).append('"');
  }

  /** A finite number; whole numbers without a fraction ({@code 2}, not {@code 2.0}). */
  static StringBuilder number(StringBuilder json, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return json.append((long) v);
    }
    return json.append(v);
  }
}
