package io.greentwin.gateway.history;

import io.greentwin.gateway.search.FieldSelection;
import io.greentwin.gateway.search.SearchFilter;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The campus at one instant: every twin that existed then (or those matching a search filter and
 * namespaces), as it was, from one consistent {@code TwinService.snapshotAt}, sorted by thing id.
 */
final class Snapshot {
  private Snapshot() {}

  /** The snapshot as JSON text: {@code {"at":…,"count":n,"items":[…]}}. */
  static String render(
      Instant at,
      Map<ThingId, Thing> things,
      SearchFilter filter,
      Set<String> namespaces,
      FieldSelection fields) {
    boolean plain = filter == SearchFilter.all() && fields.isDefault();
    StringBuilder items = new StringBuilder(things.size() * 256);
    int count = 0;
    var sorted = things.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).toList();
    for (var entry : sorted) {
      if (namespaces != null && !namespaces.contains(entry.getKey().getNamespace())) {
        continue;
      }
      Thing thing = entry.getValue();
      JsonObject json;
      if (plain) {
        json = thing.toJson();
      } else {
        JsonObject full = thing.toJson(f -> true);
        if (!filter.test(full)) {
          continue;
        }
        json = fields.apply(full);
      }
      items.append(count++ == 0 ? "" : ",").append(json);
    }
    return "{\"at\":"
        + JsonValue.of(at.toString())
        + ",\"count\":"
        + count
        + ",\"items\":["
        + items
        + "]}";
  }

  private static final Comparator<ThingId> ORDER = Comparator.comparing(ThingId::toString);
}
