package io.greentwin.gateway.ws;

import io.greentwin.twin.TwinService;
import io.vertx.core.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.DittoHeadersBuilder;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.thingsearch.model.signals.commands.ThingSearchCommand;
import org.eclipse.ditto.thingsearch.model.signals.commands.exceptions.SubscriptionNotFoundException;
import org.eclipse.ditto.thingsearch.model.signals.commands.exceptions.SubscriptionProtocolErrorException;
import org.eclipse.ditto.thingsearch.model.signals.commands.subscription.CancelSubscription;
import org.eclipse.ditto.thingsearch.model.signals.commands.subscription.CreateSubscription;
import org.eclipse.ditto.thingsearch.model.signals.commands.subscription.RequestFromSubscription;
import org.eclipse.ditto.thingsearch.model.signals.events.SubscriptionComplete;
import org.eclipse.ditto.thingsearch.model.signals.events.SubscriptionCreated;
import org.eclipse.ditto.thingsearch.model.signals.events.SubscriptionFailed;
import org.eclipse.ditto.thingsearch.model.signals.events.SubscriptionHasNextPage;

/**
 * The search protocol of one socket: {@code _/_/things/twin/search/subscribe} answers {@code
 * created} at once and evaluates the query over {@link TwinService#all()} off the event loop;
 * {@code request} releases pages as {@code next}, then {@code complete} (or {@code failed}); {@code
 * cancel} stops it. Messages are Ditto's own search signals, adapted by ditto-protocol.
 */
final class SearchSubscriptions implements StreamedSubscription.Messages {
  private final TwinService twins;
  private final Context context;
  private final Consumer<String> send;
  private final WsAccess access;
  private final Map<String, StreamedSubscription> open = new HashMap<>();
  private int counter;

  SearchSubscriptions(TwinService twins, Context context, Consumer<String> send, WsAccess access) {
    this.twins = twins;
    this.access = access;
    this.context = context;
    this.send = send;
  }

  /** Handles one search command; called on the socket's context. */
  void handle(ThingSearchCommand<?> cmd) {
    if (cmd instanceof CreateSubscription c) {
      subscribe(c);
    } else if (cmd instanceof RequestFromSubscription r) {
      StreamedSubscription s = open.get(r.getSubscriptionId());
      if (s == null) {
        notFound(r.getSubscriptionId(), r.getDittoHeaders());
      } else {
        s.request(
            r.getDemand(),
            r.getDittoHeaders(),
            SubscriptionProtocolErrorException.newBuilder()
                .message("The demand must be positive but was " + r.getDemand() + ".")
                .dittoHeaders(r.getDittoHeaders())
                .build());
      }
    } else if (cmd instanceof CancelSubscription c) {
      StreamedSubscription s = open.get(c.getSubscriptionId());
      if (s != null) {
        s.cancel();
      }
    }
  }

  /** Ends every open search (the socket closed). */
  void closeAll() {
    Map.copyOf(open).values().forEach(StreamedSubscription::cancel);
  }

  private void subscribe(CreateSubscription c) {
    String id = c.getPrefix().orElse("search-") + counter++;
    StreamedSubscription s =
        new StreamedSubscription(id, this, c.getDittoHeaders(), send, () -> open.remove(id));
    open.put(id, s);
    send.accept(Envelopes.json(SubscriptionCreated.of(id, headers(c.getDittoHeaders()))));
    SearchQuery query;
    try {
      query = SearchQuery.of(c);
    } catch (DittoRuntimeException e) {
      s.fail(e);
      return;
    }
    context
        .executeBlocking(() -> query.pages(access.readable(twins.all())), false)
        .onSuccess(s::ready)
        .onFailure(
            t ->
                s.fail(
                    DittoRuntimeException.asDittoRuntimeException(
                        t, cause -> SubscriptionProtocolErrorException.of(cause, headers(c)))));
  }

  private void notFound(String id, DittoHeaders h) {
    send.accept(
        Envelopes.json(SubscriptionFailed.of(id, SubscriptionNotFoundException.of(id, h), h)));
  }

  @Override
  public String next(String id, JsonValue page, DittoHeaders h) {
    return Envelopes.json(SubscriptionHasNextPage.of(id, page.asArray(), headers(h)));
  }

  @Override
  public String complete(String id, DittoHeaders h) {
    return Envelopes.json(SubscriptionComplete.of(id, headers(h)));
  }

  @Override
  public String failed(String id, DittoRuntimeException error, DittoHeaders h) {
    return Envelopes.json(SubscriptionFailed.of(id, error, headers(h)));
  }

  private static DittoHeaders headers(CreateSubscription c) {
    return headers(c.getDittoHeaders());
  }

  private static DittoHeaders headers(DittoHeaders request) {
    DittoHeadersBuilder<?, ?> h = DittoHeaders.newBuilder().responseRequired(false);
    request.getCorrelationId().ifPresent(h::correlationId);
    return h.build();
  }
}
