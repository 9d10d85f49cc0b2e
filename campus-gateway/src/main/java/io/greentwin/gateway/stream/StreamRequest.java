package io.greentwin.gateway.stream;

import io.greentwin.gateway.search.FieldSelection;
import io.greentwin.twin.TwinEvent;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * What a change stream asks for ({@code ids}, {@code namespaces}, {@code filter}, {@code fields}),
 * and how one event renders for it.
 *
 * @param ids the things to watch; empty for all
 * @param namespaces the namespaces to watch; empty for all
 * @param filter the RQL filter on the changed thing
 * @param fields the fields to send
 */
public record StreamRequest(
    Set<ThingId> ids, Set<String> namespaces, EventFilter filter, FieldSelection fields) {

  /** Parses the parameters; throws Ditto's 400 exceptions for invalid ids, filter or fields. */
  public static StreamRequest parse(String ids, String namespaces, String filter, String fields) {
    Set<ThingId> parsed = new LinkedHashSet<>();
    for (String id : split(ids)) {
      parsed.add(ThingId.of(id));
    }
    return new StreamRequest(
        Set.copyOf(parsed),
        Set.copyOf(split(namespaces)),
        EventFilter.parseOrAll(filter),
        FieldSelection.parse(fields));
  }

  /** The JSON to send for the event, or empty when the event is not for this stream. */
  public Optional<String> render(TwinEvent event, Thing changed) {
    if (!ids.isEmpty() && !ids.contains(event.thingId())) {
      return Optional.empty();
    }
    if (!namespaces.isEmpty() && !namespaces.contains(event.thingId().getNamespace())) {
      return Optional.empty();
    }
    if (!filter.matches(event, changed)) {
      return Optional.empty();
    }
    JsonObject json = fields.apply(changed.toJson(f -> true));
    return json.isEmpty() ? Optional.empty() : Optional.of(json.toString());
  }

  private static Set<String> split(String csv) {
    Set<String> out = new LinkedHashSet<>();
    if (csv != null) {
      for (String s : csv.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }
}
