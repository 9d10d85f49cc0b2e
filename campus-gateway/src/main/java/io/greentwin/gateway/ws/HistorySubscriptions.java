package io.greentwin.gateway.ws;

import io.greentwin.twin.TwinErrors;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.vertx.core.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.DittoHeadersBuilder;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonParseException;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.UnknownCommandException;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Ditto's streaming subscription protocol (Ditto 3.2+; the 2.4 protocol library has no {@code
 * streaming} criterion, so these envelopes are read and written as plain JSON): {@code
 * <ns>/<name>/things/twin/streaming/subscribeForPersistedEvents} with {@code
 * from/toHistoricalRevision} or {@code from/toHistoricalTimestamp} answers {@code created}; {@code
 * request} releases the persisted events from {@link TwinService#events} as {@code next} items
 * (each a Ditto Protocol event), then {@code complete}; {@code cancel} stops it.
 */
final class HistorySubscriptions implements StreamedSubscription.Messages {
  private static final String CRITERION = "streaming";
  private static final String SUBSCRIPTION_ID = "subscriptionId";

  private final TwinService twins;
  private final Context context;
  private final Consumer<String> send;
  private final WsAccess access;
  private final Map<String, StreamedSubscription> open = new HashMap<>();
  private final Map<String, ThingId> things = new HashMap<>();
  private int counter;

  HistorySubscriptions(TwinService twins, Context context, Consumer<String> send, WsAccess access) {
    this.twins = twins;
    this.access = access;
    this.context = context;
    this.send = send;
  }

  /** True for a topic of the streaming criterion ({@code …/things/twin/streaming/…}). */
  static boolean isStreaming(String topic) {
    String[] parts = topic.split("/");
    return parts.length == 6 && parts[4].equals(CRITERION);
  }

  /** Handles one streaming command envelope; called on the socket's context. */
  void handle(String topic, DittoHeaders headers, JsonValue value) {
    String[] parts = topic.split("/");
    ThingId thingId = ThingId.of(parts[0], parts[1]);
    JsonObject v = value.isObject() ? value.asObject() : JsonObject.empty();
    String id =
        v.getValue(SUBSCRIPTION_ID).filter(JsonValue::isString).map(JsonValue::asString).orElse("");
    switch (parts[5]) {
      case "subscribeForPersistedEvents" -> subscribe(thingId, v, headers);
      case "request" -> {
        StreamedSubscription s = open.get(id);
        long demand =
            v.getValue("demand").filter(JsonValue::isNumber).map(JsonValue::asLong).orElse(0L);
        if (s == null) {
          send.accept(envelope(thingId, "failed", headers, failure(id, notFound(id, headers))));
        } else {
          s.request(demand, headers, invalid("The demand must be positive.", headers));
        }
      }
      case "cancel" -> Optional.ofNullable(open.get(id)).ifPresent(StreamedSubscription::cancel);
      default -> throw UnknownCommandException.newBuilder(topic).dittoHeaders(headers).build();
    }
  }

  void closeAll() {
    Map.copyOf(open).values().forEach(StreamedSubscription::cancel);
  }

  private void subscribe(ThingId thingId, JsonObject v, DittoHeaders headers) {
    String id = "history-" + counter++;
    StreamedSubscription s =
        new StreamedSubscription(
            id,
            this,
            headers,
            send,
            () -> {
              open.remove(id);
              things.remove(id);
            });
    open.put(id, s);
    things.put(id, thingId);
    send.accept(envelope(thingId, "created", headers, subscription(id)));
    long fromRev;
    long toRev;
    Instant from;
    Instant to;
    try {
      fromRev = v.getValue("fromHistoricalRevision").map(JsonValue::asLong).orElse(0L);
      toRev = v.getValue("toHistoricalRevision").map(JsonValue::asLong).orElse(Long.MAX_VALUE);
      from = instant(v, "fromHistoricalTimestamp", Instant.MIN, headers);
      to = instant(v, "toHistoricalTimestamp", Instant.MAX, headers);
    } catch (RuntimeException e) {
      s.fail(
          DittoRuntimeException.asDittoRuntimeException(
              e, cause -> invalid(String.valueOf(cause.getMessage()), headers)));
      return;
    }
    context
        .executeBlocking(() -> events(thingId, fromRev, toRev, from, to, headers), false)
        .onSuccess(s::ready)
        .onFailure(
            t ->
                s.fail(
                    DittoRuntimeException.asDittoRuntimeException(
                        t, cause -> invalid(String.valueOf(cause.getMessage()), headers))));
  }

  private List<JsonObject> events(
      ThingId id, long fromRev, long toRev, Instant from, Instant to, DittoHeaders h) {
    List<TwinEvent> events = twins.events(id, fromRev, toRev);
    if (events.isEmpty() && twins.events(id, 0, Long.MAX_VALUE).isEmpty()) {
      throw TwinErrors.notFound(id, JsonPointer.empty()).setDittoHeaders(h);
    }
    return events.stream()
        .filter(e -> !e.timestamp().isBefore(from) && !e.timestamp().isAfter(to))
        .flatMap(e -> access.visible(e).stream())
        .map(e -> ProtocolFactory.wrapAsJsonifiableAdaptable(Envelopes.event(e, Optional.empty())))
        .map(a -> a.toJson())
        .toList();
  }

  @Override
  public String next(String id, JsonValue item, DittoHeaders h) {
    return envelope(things.get(id), "next", h, subscription(id).setValue("item", item));
  }

  @Override
  public String complete(String id, DittoHeaders h) {
    return envelope(things.get(id), "complete", h, subscription(id));
  }

  @Override
  public String failed(String id, DittoRuntimeException error, DittoHeaders h) {
    return envelope(things.get(id), "failed", h, failure(id, error));
  }

  private static JsonObject subscription(String id) {
    return JsonObject.newBuilder().set(SUBSCRIPTION_ID, id).build();
  }

  private static JsonObject failure(String id, DittoRuntimeException error) {
    return subscription(id).setValue("error", error.toJson());
  }

  private static String envelope(ThingId id, String action, DittoHeaders req, JsonObject value) {
    DittoHeadersBuilder<?, ?> h =
        DittoHeaders.newBuilder().responseRequired(false).contentType("application/json");
    req.getCorrelationId().ifPresent(h::correlationId);
    return JsonObject.newBuilder()
        .set("topic", id.getNamespace() + "/" + id.getName() + "/things/twin/streaming/" + action)
        .set("headers", h.build().toJson())
        .set("path", "/")
        .set("value", value)
        .build()
        .toString();
  }

  private static Instant instant(JsonObject v, String field, Instant otherwise, DittoHeaders h) {
    Optional<String> text = v.getValue(field).filter(JsonValue::isString).map(JsonValue::asString);
    try {
      return text.map(Instant::parse).orElse(otherwise);
    } catch (DateTimeParseException e) {
      throw invalid(field + " must be an ISO-8601 timestamp but was " + text.get() + ".", h);
    }
  }

  private static DittoRuntimeException notFound(String id, DittoHeaders h) {
    return invalid("No streaming subscription '" + id + "' is open.", h);
  }

  private static DittoRuntimeException invalid(String message, DittoHeaders h) {
    return new DittoJsonException(JsonParseException.newBuilder().message(message).build(), h);
  }
}
