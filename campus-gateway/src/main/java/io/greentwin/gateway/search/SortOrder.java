package io.greentwin.gateway.search;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.thingsearch.model.SortOptionEntry;

/**
 * The order of search results: a list of fields, each ascending or descending, ending with {@code
 * thingId} so that the order is total and cursor paging neither repeats nor skips a thing. Values
 * of different JSON types sort as Ditto's search index (MongoDB) sorts them: absent or null,
 * numbers, strings, objects, arrays, booleans; ascending puts absent fields first.
 */
record SortOrder(List<SortOptionEntry> entries, List<FieldPath> fields) {
  static final SortOptionEntry BY_THING_ID = SortOptionEntry.asc("/thingId");

  /** The order for a sort option as given: {@code +thingId} appended, or anything after it cut. */
  static SortOrder of(List<SortOptionEntry> given) {
    List<SortOptionEntry> entries = normalize(given);
    return new SortOrder(
        entries, entries.stream().map(e -> FieldPath.of(e.getPropertyPath())).toList());
  }

  static List<SortOptionEntry> normalize(List<SortOptionEntry> given) {
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i).getPropertyPath().equals(BY_THING_ID.getPropertyPath())) {
        return List.copyOf(given.subList(0, i + 1));
      }
    }
    return Stream.concat(given.stream(), Stream.of(BY_THING_ID)).toList();
  }

  /** Compares two tuples of sort values in this order. */
  int compare(JsonValue[] a, JsonValue[] b) {
    for (int i = 0; i < entries.size(); i++) {
      int c = VALUES.compare(a[i], b[i]);
      if (c != 0) {
        return entries.get(i).getOrder() == SortOptionEntry.SortOrder.DESC ? -c : c;
      }
    }
    return 0;
  }

  /** Ascending order of single JSON values across types. */
  static final Comparator<JsonValue> VALUES =
      (a, b) -> {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
          return Integer.compare(ra, rb);
        }
        return switch (ra) {
          case 0 -> 0;
          case 1 -> compareNumbers(a, b);
          case 2 -> a.asString().compareTo(b.asString());
          case 5 -> Boolean.compare(a.asBoolean(), b.asBoolean());
          default -> a.toString().compareTo(b.toString());
        };
      };

  private static int rank(JsonValue v) {
    if (v == null || v.isNull()) {
      return 0;
    } else if (v.isNumber()) {
      return 1;
    } else if (v.isString()) {
      return 2;
    } else if (v.isObject()) {
      return 3;
    } else if (v.isArray()) {
      return 4;
    }
    return 5;
  }

  private static int compareNumbers(JsonValue a, JsonValue b) {
    if (a.isLong() && b.isLong()) {
      return Long.compare(a.asLong(), b.asLong());
    }
    double x = a.asDouble();
    double y = b.asDouble();
    return x < y ? -1 : x > y ? 1 : 0;
  }
}
