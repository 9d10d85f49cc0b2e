package io.greentwin.gateway.ws;

import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinService;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.ditto.base.model.common.HttpStatus;
import org.eclipse.ditto.base.model.exceptions.DittoJsonException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.base.model.signals.acks.Acknowledgement;
import org.eclipse.ditto.base.model.signals.acks.Acknowledgements;
import org.eclipse.ditto.base.model.signals.commands.exceptions.GatewayInternalErrorException;
import org.eclipse.ditto.base.model.signals.commands.exceptions.GatewayServiceUnavailableException;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonParseException;
import org.eclipse.ditto.json.JsonRuntimeException;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.TopicPath;
import org.eclipse.ditto.protocol.UnknownSignalException;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingCommand;
import org.eclipse.ditto.things.model.signals.commands.query.RetrieveThings;
import org.eclipse.ditto.thingsearch.model.signals.commands.ThingSearchCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket: control frames ({@code START-SEND-EVENTS} …), thing commands answered
 * with responses, errors or acknowledgements under the request's {@code correlation-id}, twin
 * events after {@code START-SEND-EVENTS}, search and persisted-event subscriptions. Everything runs
 * on the socket's context; committed events hop onto it before they are written.
 */
final class WsSession {
  private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);
  private static final JsonKey TOPIC = JsonKey.of("topic");

  private final Context context;
  private final ServerWebSocket socket;
  private final TwinService twins;
  private final TwinCommands commands;
  private final String subject;
  private final WsAccess access;
  private final WsOutbox out;
  private final SearchSubscriptions searches;
  private final HistorySubscriptions histories;
  private final PlainMessages.Parsed parsed;
  private volatile EventSubscription events;
  private AutoCloseable eventFeed;
  private boolean closed;

  WsSession(
      Vertx vertx,
      ServerWebSocket socket,
      TwinService twins,
      String subject,
      WsAccess access,
      WebSocketLimits limits,
      RqlShapeCache conditions,
      PlainMessages.Parsed parsed) {
    this.parsed = parsed;
    this.access = access;
    this.context = vertx.getOrCreateContext();
    this.socket = socket;
    this.twins = twins;
    this.subject = subject;
    this.out = new WsOutbox(vertx, socket, limits.writeQueueMaxBytes(), limits.maxQueueFullFor());
    this.commands =
        new TwinCommands(
            twins, task -> context.executeBlocking(() -> runTask(task), false), access, conditions);
    this.searches = new SearchSubscriptions(twins, context, out::send, access);
    this.histories = new HistorySubscriptions(twins, context, out::send, access);
  }

  /** Starts reading; pings are answered by Vert.x, continuation frames assembled by it. */
  void start() {
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(b -> onText(b.toString(StandardCharsets.UTF_8)));
    socket.exceptionHandler(t -> LOG.debug("WebSocket of {} failed", subject, t));
    socket.closeHandler(v -> close());
    LOG.debug("WebSocket opened for {} from {}", subject, socket.remoteAddress());
  }

  private void onText(String text) {
    if (closed) {
      return;
    }
    String frame = text.strip();
    if (frame.startsWith("{")) {
      onProtocolMessage(frame);
    } else {
      ControlMessage.parse(frame)
          .ifPresentOrElse(
              this::onControl,
              () -> sendError(Optional.empty(), notJson(frame), DittoHeaders.empty()));
    }
  }

  private void onControl(ControlMessage m) {
    switch (m.kind()) {
      case START_SEND_EVENTS -> {
        try {
          startEvents(EventSubscription.of(m));
        } catch (DittoRuntimeException e) {
          sendError(Optional.empty(), e, e.getDittoHeaders());
          return;
        }
      }
      case STOP_SEND_EVENTS -> stopEvents();
      default -> {
        // Messages, live events and live commands are acknowledged but not routed yet: this
        // gateway keeps twins only, and nothing publishes live signals to sockets so far.
      }
    }
    m.ack().ifPresent(out::send);
  }

  private void onProtocolMessage(String json) {
    JsonObject envelope = null;
    Optional<ThingId> thingId = Optional.empty();
    try {
      envelope = JsonObject.of(json);
      String topic =
          envelope.getValue(TOPIC).filter(JsonValue::isString).map(JsonValue::asString).orElse("");
      if (HistorySubscriptions.isStreaming(topic)) {
        histories.handle(
            topic, headersOf(envelope), envelope.getValue("value").orElse(JsonValue.nullLiteral()));
        return;
      }
      Optional<SyncMerge> merge = SyncMerge.of(envelope, topic, parsed);
      if (merge.isPresent()) {
        thingId = Optional.of(merge.get().thingId());
        onMerge(merge.get());
        return;
      }
      Optional<PropertyModify> modify = PropertyModify.of(envelope, topic, parsed);
      if (modify.isPresent()) {
        thingId = Optional.of(modify.get().thingId());
        onPropertyModify(modify.get());
        return;
      }
      Adaptable adaptable = ProtocolFactory.jsonifiableAdaptableFromJson(envelope);
      thingId = thingIdOf(adaptable.getTopicPath());
      dispatch(adaptable, Envelopes.ADAPTER.fromAdaptable(adaptable));
    } catch (DittoRuntimeException e) {
      sendError(thingId, e, correlationOf(envelope));
    } catch (JsonRuntimeException e) {
      DittoHeaders h = correlationOf(envelope);
      sendError(thingId, new DittoJsonException(e, h), h);
    } catch (RuntimeException e) {
      DittoHeaders h = correlationOf(envelope);
      sendError(thingId, internal(e, h), h);
    }
  }

  private void dispatch(Adaptable adaptable, Signal<?> signal) {
    if (signal instanceof ThingSearchCommand<?> search) {
      searches.handle(search);
    } else if (signal instanceof RetrieveThings retrieve) {
      Envelopes.success(adaptable, retrieve, retrieveThings(retrieve)).ifPresent(out::send);
    } else if (signal instanceof ThingCommand<?> cmd) {
      if (adaptable.getTopicPath().getChannel() == TopicPath.Channel.LIVE) {
        throw liveNotRouted(cmd.getDittoHeaders());
      }
      onCommand(adaptable, cmd);
    } else if (!(signal instanceof Acknowledgement || signal instanceof Acknowledgements)) {
      // acknowledgements of live signals or events are not awaited here; anything else is unknown
      throw UnknownSignalException.newBuilder(signal.getType())
          .dittoHeaders(signal.getDittoHeaders())
          .build();
    }
  }

  private void onCommand(Adaptable adaptable, ThingCommand<?> cmd) {
    DittoHeaders h = cmd.getDittoHeaders();
    Future.fromCompletionStage(commands.run(cmd, subject), context)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                Envelopes.success(adaptable, cmd, ar.result()).ifPresent(out::send);
              } else if (h.isResponseRequired()) {
                sendError(Optional.of(cmd.getEntityId()), asDitto(ar.cause(), h), h);
              }
            });
  }

  /** A sync job's merge: as {@link #onCommand} answers its {@code MergeThing}. */
  private void onMerge(SyncMerge m) {
    answer(m, commands.merge(m, subject));
  }

  /** A plain property modify: as {@link #onCommand} answers its {@code ModifyFeatureProperty}. */
  private void onPropertyModify(PropertyModify m) {
    answer(m, commands.modifyProperty(m, subject));
  }

  /** The response or error a plain command's outcome comes to, when a response is required. */
  private void answer(PlainMessages.Command m, CompletionStage<CommandReply> outcome) {
    Future.fromCompletionStage(outcome, context)
        .onComplete(
            ar -> {
              if (!m.responseRequired()) {
                return;
              }
              if (ar.succeeded()) {
                Optional<String> id = Optional.ofNullable(m.correlationId());
                out.send(Envelopes.response(m.topic(), id, m.pathText(), ar.result()));
              } else {
                DittoHeaders h = m.headers();
                sendError(Optional.of(m.thingId()), asDitto(ar.cause(), h), h);
              }
            });
  }

  private CommandReply retrieveThings(RetrieveThings cmd) {
    return CommandReply.of(HttpStatus.OK, commands.retrieveThings(cmd), Optional.empty());
  }

  private void startEvents(EventSubscription subscription) {
    events = subscription;
    if (eventFeed == null) {
      eventFeed = twins.subscribe(this::onCommitted);
    }
  }

  /** Called on the committing thread: a cheap namespace check, then onto the socket's context. */
  private void onCommitted(TwinEvent e) {
    EventSubscription s = events;
    if (s != null && s.includes(e.thingId())) {
      context.runOnContext(v -> deliver(e));
    }
  }

  private void deliver(TwinEvent e) {
    EventSubscription s = events;
    if (s == null || closed) {
      return;
    }
    try {
      access
          .visible(e)
          .flatMap(seen -> s.render(seen, id -> twins.get(id).flatMap(access::readable)))
          .ifPresent(event -> out.send(Envelopes.json(event)));
    } catch (RuntimeException ex) {
      LOG.error("Could not send event {} rev {} to {}", e.thingId(), e.revision(), subject, ex);
    }
  }

  private void stopEvents() {
    events = null;
    if (eventFeed != null) {
      try {
        eventFeed.close();
      } catch (Exception e) {
        LOG.warn("Could not unsubscribe the WebSocket of {} from twin events", subject, e);
      }
      eventFeed = null;
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopEvents();
    searches.closeAll();
    histories.closeAll();
    out.close();
    LOG.debug("WebSocket closed for {}", subject);
  }

  private void sendError(Optional<ThingId> thingId, DittoRuntimeException e, DittoHeaders h) {
    out.send(Envelopes.error(thingId, e, h));
  }

  private static DittoHeaders headersOf(JsonObject envelope) {
    return envelope
        .getValue("headers")
        .filter(JsonValue::isObject)
        .map(h -> DittoHeaders.newBuilder(h.asObject()).build())
        .orElse(DittoHeaders.empty());
  }

  /** Just the correlation id of a message that failed (its other headers may be the problem). */
  private static DittoHeaders correlationOf(JsonObject envelope) {
    return Optional.ofNullable(envelope)
        .flatMap(e -> e.getValue("headers/correlation-id"))
        .filter(JsonValue::isString)
        .map(id -> DittoHeaders.newBuilder().correlationId(id.asString()).build())
        .orElse(DittoHeaders.empty());
  }

  private static Optional<ThingId> thingIdOf(TopicPath topic) {
    try {
      return topic.getGroup() == TopicPath.Group.THINGS && !"_".equals(topic.getNamespace())
          ? Optional.of(ThingId.of(topic.getNamespace(), topic.getEntityName()))
          : Optional.empty();
    } catch (RuntimeException invalid) {
      return Optional.empty();
    }
  }

  private static DittoRuntimeException notJson(String frame) {
    String start = frame.length() > 40 ? frame.substring(0, 40) + "…" : frame;
    return new DittoJsonException(
        JsonParseException.newBuilder()
            .message("Neither a Ditto Protocol message nor a control message: " + start)
            .build());
  }

  private static DittoRuntimeException liveNotRouted(DittoHeaders h) {
    return GatewayServiceUnavailableException.newBuilder()
        .message("The live channel is not routed by this gateway.")
        .description("Send twin commands, or subscribe to twin events.")
        .dittoHeaders(h)
        .build();
  }

  private DittoRuntimeException asDitto(Throwable t, DittoHeaders h) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause instanceof DittoRuntimeException d ? d : internal(cause, h);
  }

  private DittoRuntimeException internal(Throwable t, DittoHeaders h) {
    LOG.error("Unexpected failure handling a Ditto Protocol message from {}", subject, t);
    return GatewayInternalErrorException.newBuilder().dittoHeaders(h).build();
  }

  private static Void runTask(Runnable task) {
    task.run();
    return null;
  }
}
