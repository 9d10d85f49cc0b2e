package io.greentwin.jobs.sync;

import io.greentwin.jobs.twin.ObservedAt;
import java.util.Map;

/**
 * The JSON of a coalesced merge: {@code {"features":{"coolant":{"properties":{"supplyTempC":48.3,
 * …,"observedAt":"2026-06-21T11:00:30.000Z"}}}}} from property states keyed {@code
 * feature/property} in sorted order (so one feature's properties are adjacent); each feature's
 * {@link ObservedAt#PROPERTY} is the event time of its newest reading in the merge.
 */
final class PatchJson {
  private PatchJson() {}

  static String features(Map<String, PropertyState> sortedByPath) {
    StringBuilder json = new StringBuilder(64 + 48 * sortedByPath.size());
    json.append("{\"features\":{");
    String openFeature = null;
    long newestMs = Long.MIN_VALUE;
    for (Map.Entry<String, PropertyState> e : sortedByPath.entrySet()) {
      String path = e.getKey();
      int slash = path.indexOf('/');
      String feature = path.substring(0, slash);
      if (!feature.equals(openFeature)) {
        if (openFeature != null) {
          observedAt(json, newestMs).append("}},");
        }
        quote(json, feature).append(":{\"properties\":{");
        openFeature = feature;
        newestMs = Long.MIN_VALUE;
      } else {
        json.append(',');
      }
      quote(json, path.substring(slash + 1)).append(':');
      number(json, e.getValue().value());
      newestMs = Math.max(newestMs, e.getValue().eventTimeMs());
    }
    if (openFeature != null) {
      observedAt(json, newestMs).append("}}");
    }
    return json.append("}}").toString();
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

  static StringBuilder quote(StringBuilder json, String s) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"');
  }
}
