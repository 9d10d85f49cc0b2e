package io.greentwin.gateway.ws;

import io.greentwin.json.JsonText;
import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.ditto.base.model.acks.AcknowledgementLabel;
import org.eclipse.ditto.base.model.acks.AcknowledgementRequest;
import org.eclipse.ditto.base.model.acks.DittoAcknowledgementLabel;
import org.eclipse.ditto.base.model.common.HttpStatus;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.DittoHeadersBuilder;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.base.model.signals.acks.Acknowledgement;
import org.eclipse.ditto.base.model.signals.acks.Acknowledgements;
import org.eclipse.ditto.base.model.signals.commands.Command;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.EventsTopicPathBuilder;
import org.eclipse.ditto.protocol.Payload;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.TopicPath;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingCommand;
import org.eclipse.ditto.things.model.signals.commands.ThingErrorResponse;

/**
 * The Ditto Protocol messages the gateway sends, built with Ditto's own {@code ditto-protocol}
 * ({@link Adaptable}, {@link TopicPath}, {@link Payload}, {@link DittoProtocolAdapter}) and written
 * as JSON text: command responses, errors, acknowledgements and twin events.
 */
final class Envelopes {
  static final DittoProtocolAdapter ADAPTER = DittoProtocolAdapter.newInstance();
  private static final String JSON = "application/json";
  private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  /** The topic of an error that concerns no particular thing, with the protocol's placeholders. */
  private static final TopicPath NO_THING_ERRORS =
      ProtocolFactory.newTopicPath("_/_/things/twin/errors");

  private Envelopes() {}

  static String json(Adaptable adaptable) {
    return ProtocolFactory.wrapAsJsonifiableAdaptable(adaptable).toJsonString();
  }

  static String json(Signal<?> signal) {
    return json(ADAPTER.toAdaptable(signal));
  }

  /**
   * The response to a command: its topic and path, the status, and the value if any — the JSON
   * Ditto's adapter writes for it (tested), rendered directly: building it through Ditto's headers
   * builder and immutable JSON objects cost more than the rest of a write.
   */
  static String response(Adaptable request, CommandReply reply) {
    return response(
        request.getTopicPath().getPath(),
        request.getDittoHeaders().getCorrelationId(),
        request.getPayload().getPath().toString(),
        reply);
  }

  /** As {@link #response(Adaptable, CommandReply)}, from the request's topic, id and path. */
  static String response(
      String topic, Optional<String> correlationId, String path, CommandReply reply) {
    StringBuilder json = new StringBuilder(256).append("{\"topic\":");
    string(json, topic).append(",\"headers\":{");
    correlationId.ifPresent(id -> string(json.append("\"correlation-id\":"), id).append(','));
    json.append("\"response-required\":false");
    if (reply.value().isPresent()) {
      json.append(",\"content-type\":\"").append(JSON).append('"');
    }
    reply.etag().ifPresent(tag -> string(json.append(",\"etag\":"), tag.toString()));
    string(json.append("},\"path\":"), path);
    reply.value().ifPresent(v -> json.append(",\"value\":").append(v));
    return json.append(",\"status\":").append(reply.status().getCode()).append('}').toString();
  }

  /**
   * A JSON string literal, written into the buffer: {@code json.append(JsonValue.of(s))} rendered
   * each string through a builder of its own, a quarter of what the gateway allocated per modify.
   */
  private static StringBuilder string(StringBuilder json, String s) {
    return JsonText.quote(json, s);
  }

  /**
   * What a command that succeeded answers, as Ditto does: nothing without {@code
   * response-required}; aggregated acknowledgements when a write requested any besides the implicit
   * {@code twin-persisted}; otherwise its response.
   */
  static Optional<String> success(Adaptable request, Command<?> cmd, CommandReply reply) {
    DittoHeaders h = cmd.getDittoHeaders();
    if (!h.isResponseRequired()) {
      return Optional.empty();
    }
    Set<AcknowledgementLabel> labels =
        h.getAcknowledgementRequests().stream()
            .map(AcknowledgementRequest::getLabel)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    boolean acknowledged =
        cmd instanceof ThingCommand<?>
            && cmd.getCategory() != Command.Category.QUERY
            && !labels.isEmpty()
            && !labels.equals(Set.of(DittoAcknowledgementLabel.TWIN_PERSISTED));
    return Optional.of(
        acknowledged
            ? acknowledgements(((ThingCommand<?>) cmd).getEntityId(), labels, reply, h)
            : response(request, reply));
  }

  /** Ditto's error ({@code …/things/twin/errors}) answering a request with the given headers. */
  static String error(Optional<ThingId> thingId, DittoRuntimeException e, DittoHeaders request) {
    DittoHeaders h = replyHeaders(request).contentType(JSON).build();
    DittoRuntimeException withHeaders = e.setDittoHeaders(h);
    if (thingId.isPresent()) {
      return json(ThingErrorResponse.of(thingId.get(), withHeaders, h));
    }
    Adaptable error = ADAPTER.toAdaptable(ThingErrorResponse.of(withHeaders, h));
    return json(
        ProtocolFactory.newAdaptableBuilder(NO_THING_ERRORS)
            .withPayload(error.getPayload())
            .withHeaders(error.getDittoHeaders())
            .build());
  }

  /**
   * The aggregated acknowledgements ({@code …/things/twin/acks}) for a successful write: {@code
   * twin-persisted} and {@code search-persisted} carry the write's status (the search reads the
   * same committed state); any other label has no issuer here and fails with 408.
   */
  private static String acknowledgements(
      ThingId id, Collection<AcknowledgementLabel> labels, CommandReply reply, DittoHeaders req) {
    DittoHeaders h = replyHeaders(req).build();
    List<Acknowledgement> acks =
        labels.stream()
            .map(
                label -> {
                  if (label.equals(DittoAcknowledgementLabel.TWIN_PERSISTED)) {
                    return Acknowledgement.of(
                        label, id, reply.status(), h, reply.value().orElse(null));
                  }
                  if (label.equals(DittoAcknowledgementLabel.SEARCH_PERSISTED)) {
                    return Acknowledgement.of(label, id, reply.status(), h);
                  }
                  return Acknowledgement.of(label, id, HttpStatus.REQUEST_TIMEOUT, h);
                })
            .toList();
    return json(Acknowledgements.of(acks, h));
  }

  /** A committed change as a twin event, with the {@code extra} fields a subscriber asked for. */
  static Adaptable event(TwinEvent e, Optional<JsonObject> extra) {
    EventsTopicPathBuilder topic = ProtocolFactory.newTopicPathBuilder(e.thingId()).twin().events();
    topic =
        switch (e.kind()) {
          case CREATED -> topic.created();
          case MODIFIED -> topic.modified();
          case MERGED -> topic.merged();
          case DELETED -> topic.deleted();
        };
    Payload payload =
        ProtocolFactory.newPayloadBuilder(e.path())
            .withValue(e.kind() == EventKind.DELETED ? null : eventValue(e))
            .withRevision(e.revision())
            .withTimestamp(e.timestamp())
            .withExtra(extra.orElse(null))
            .build();
    DittoHeaders headers =
        DittoHeaders.newBuilder()
            .responseRequired(false)
            .contentType(e.kind() == EventKind.MERGED ? MERGE_PATCH_JSON : JSON)
            .build();
    return ProtocolFactory.newAdaptableBuilder(topic.build())
        .withPayload(payload)
        .withHeaders(headers)
        .build();
  }

  private static JsonValue eventValue(TwinEvent e) {
    if (e.path().isEmpty() && e.value().isObject()) {
      return e.value().asObject().remove(Thing.JsonFields.NAMESPACE.getPointer());
    }
    return e.value();
  }

  private static DittoHeadersBuilder<?, ?> replyHeaders(DittoHeaders request) {
    DittoHeadersBuilder<?, ?> h = DittoHeaders.newBuilder().responseRequired(false);
    request.getCorrelationId().ifPresent(h::correlationId);
    return h;
  }
}
