package io.greentwin.jobs.twin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;

/**
 * The {@code observedAt} property every synced feature carries (when its newest reading was taken)
 * and the RQL {@code condition} that lets a merge apply only when it is not older than the twin: a
 * job replaying from a checkpoint therefore never takes a twin back in time, against GreenTwin's
 * gateway and a real Eclipse Ditto alike.
 *
 * <p>The time is ISO-8601 UTC with exactly three fraction digits and {@code Z} ({@code
 * 2026-06-21T11:00:30.000Z}), fixed width for the years 0000–9999, so RQL's string comparison is
 * chronological. A feature's part of a merge applies when the feature has no {@code observedAt} yet
 * or when the twin's {@code observedAt} is at most the <em>oldest</em> reading the part carries:
 * then every value in the part is at least as new as any value of that feature in the twin. ({@code
 * le}, not {@code lt}: readings of one instant may reach the twin in two merges.)
 */
public final class ObservedAt {
  /** The property name, in each feature's {@code properties}. */
  public static final String PROPERTY = "observedAt";

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final long MS_PER_DAY = 86_400_000L;

  private ObservedAt() {}

  /**
   * The fixed-width text of an instant, e.g. {@code 2026-06-21T11:00:30.000Z}: written digit by
   * digit for the years 0000–9999 (every merge stamps each feature, so this is on the hot path), by
   * the formatter outside them.
   */
  public static String format(long epochMs) {
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMs, MS_PER_DAY));
    if (day.getYear() < 0 || day.getYear() > 9999) {
      return FORMAT.format(Instant.ofEpochMilli(epochMs));
    }
    int ms = (int) Math.floorMod(epochMs, MS_PER_DAY);
    char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
    digits(c, 0, 4, day.getYear());
    digits(c, 5, 2, day.getMonthValue());
    digits(c, 8, 2, day.getDayOfMonth());
    digits(c, 11, 2, ms / 3_600_000);
    digits(c, 14, 2, ms / 60_000 % 60);
    digits(c, 17, 2, ms / 1000 % 60);
    digits(c, 20, 3, ms % 1000);
    return new String(c);
  }

  private static void digits(char[] c, int at, int width, int value) {
    for (int i = at + width - 1; i >= at; i--, value /= 10) {
      c[i] = (char) ('0' + value % 10);
    }
  }

  /**
   * The condition of a merge that carries, per feature id, readings no older than the given epoch
   * milliseconds (in iteration order); null for no feature.
   */
  public static String condition(Map<String, Long> oldestByFeature) {
    List<String> parts = new ArrayList<>();
    oldestByFeature.forEach((feature, oldestMs) -> parts.add(forFeature(feature, oldestMs)));
    if (parts.size() <= 1) {
      return parts.isEmpty() ? null : parts.get(0);
    }
    return "and(" + String.join(",", parts) + ")";
  }

  private static String forFeature(String feature, long oldestMs) {
    String field = field(feature);
    return "or(not(exists(" + field + ")),le(" + field + ",\"" + format(oldestMs) + "\"))";
  }

  private static String field(String feature) {
    return "features/" + feature + "/properties/" + PROPERTY;
  }

  /**
   * A conditional merge at {@code /} of several features, split into one merge per feature with the
   * part of the condition about that feature; the patch itself when it cannot be split.
   */
  static List<TwinPatch> perFeature(TwinPatch patch) {
    if (patch.replace() || patch.condition() == null || !patch.path().equals("/")) {
      return List.of(patch);
    }
    JsonObject features =
        JsonFactory.readFrom(patch.json())
            .asObject()
            .getValue("features")
            .filter(JsonValue::isObject)
            .map(JsonValue::asObject)
            .orElse(JsonObject.empty());
    if (features.getSize() < 2) {
      return List.of(patch);
    }
    List<String> conjuncts = conjuncts(patch.condition());
    List<TwinPatch> parts = new ArrayList<>();
    features.forEach(
        f -> {
          String key = f.getKeyName();
          String json =
              JsonObject.newBuilder()
                  .set("features", JsonObject.newBuilder().set(key, f.getValue()).build())
                  .build()
                  .toString();
          List<String> own = new ArrayList<>();
          for (String c : conjuncts) {
            if (c.contains("features/" + key + "/") || !c.contains("features/")) {
              own.add(c);
            }
          }
          String condition =
              own.isEmpty()
                  ? null
                  : own.size() == 1 ? own.get(0) : "and(" + String.join(",", own) + ")";
          parts.add(
              new TwinPatch(patch.thingId(), "/", json, false, patch.eventTimeMs(), condition));
        });
    return parts;
  }

  /** The top-level arguments of an RQL {@code and(…)}, or the whole filter. */
  static List<String> conjuncts(String rql) {
    if (!rql.startsWith("and(") || !rql.endsWith(")")) {
      return List.of(rql);
    }
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int from = 4;
    for (int i = from; i < rql.length() - 1; i++) {
      char c = rql.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(rql.substring(from, i));
        from = i + 1;
      }
    }
    out.add(rql.substring(from, rql.length() - 1));
    return out;
  }
}
