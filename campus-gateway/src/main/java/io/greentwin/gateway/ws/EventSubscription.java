package io.greentwin.gateway.ws;

import io.greentwin.gateway.stream.EventFilter;
import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonParseOptions;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * What a {@code START-SEND-EVENTS} asked for: the {@code namespaces} to include, the RQL {@code
 * filter} and the {@code extraFields} to enrich events with. As in Ditto, the filter sees the
 * changed data of an event (the value at its path) plus the enriched extra fields, and may use
 * {@code topic:action}, {@code resource:path} and {@code time:} (the SSE stream's {@link
 * EventFilter}).
 */
record EventSubscription(
    Set<String> namespaces, EventFilter filter, Optional<JsonFieldSelector> extraFields) {
  /** The parameters are URL-decoded already. */
  private static final JsonParseOptions DECODED =
      JsonFactory.newParseOptionsBuilder().withoutUrlDecoding().build();

  /** The subscription a control message describes; throws Ditto's exception for a bad filter. */
  static EventSubscription of(ControlMessage m) {
    DittoHeaders h =
        m.param(ControlMessage.CORRELATION_ID)
            .map(id -> DittoHeaders.newBuilder().correlationId(id).build())
            .orElse(DittoHeaders.empty());
    Set<String> namespaces =
        m.param(ControlMessage.NAMESPACES)
            .map(
                ns ->
                    Arrays.stream(ns.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
            .orElse(Set.of());
    EventFilter filter = EventFilter.parseOrAll(m.param(ControlMessage.FILTER).orElse(null), h);
    Optional<JsonFieldSelector> extra =
        m.param(ControlMessage.EXTRA_FIELDS).map(f -> JsonFactory.newFieldSelector(f, DECODED));
    return new EventSubscription(namespaces, filter, extra);
  }

  /** A cheap first check on any thread: is the thing in a subscribed namespace? */
  boolean includes(ThingId id) {
    return namespaces.isEmpty() || namespaces.contains(id.getNamespace());
  }

  /**
   * The event as this subscriber receives it, or empty when it does not pass the filter. {@code
   * current} gives the thing's state after the change for the extra fields.
   */
  Optional<Adaptable> render(TwinEvent e, Function<ThingId, Optional<Thing>> current) {
    if (!includes(e.thingId())) {
      return Optional.empty();
    }
    Optional<JsonObject> extra =
        extraFields.flatMap(
            sel ->
                current
                    .apply(e.thingId())
                    .map(t -> FieldSelection.thing(t, Optional.of(sel)))
                    .filter(j -> !j.isEmpty()));
    Adaptable event = Envelopes.event(e, extra);
    if (filter.isAll()) {
      return Optional.of(event);
    }
    Optional<Thing> changed = changedPart(e, extra.orElse(JsonObject.empty()));
    return changed.filter(t -> filter.matches(e, t)).map(t -> event);
  }

  /** The thing made of the changed data only (plus the extra fields), as Ditto filters events. */
  private static Optional<Thing> changedPart(TwinEvent e, JsonObject extra) {
    JsonObject json = extra.set(Thing.JsonFields.ID, e.thingId().toString());
    if (e.kind() != EventKind.DELETED) {
      JsonValue value = e.value();
      json =
          e.path().isEmpty() && value.isObject()
              ? json.setAll(value.asObject())
              : json.setValue(e.path(), value);
    }
    try {
      return Optional.of(ThingsModelFactory.newThing(json));
    } catch (RuntimeException invalid) {
      return Optional.empty(); // a value no thing can hold cannot match
    }
  }
}
