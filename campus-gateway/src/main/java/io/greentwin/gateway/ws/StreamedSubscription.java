package io.greentwin.gateway.ws;

import java.util.List;
import java.util.function.Consumer;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.json.JsonValue;

/**
 * One reactive-streams subscription over the Ditto Protocol (search pages, or persisted events):
 * the items are computed once off the event loop, each {@code request(n)} releases up to {@code n}
 * {@code next} messages, and {@code complete} or {@code failed} ends it, never before the client's
 * first request (Ditto's guarantee, so a client need not order {@code created} against the end).
 * Used on the socket's context only.
 */
final class StreamedSubscription {

  /** How this kind of subscription writes its messages. */
  interface Messages {
    String next(String subscriptionId, JsonValue item, DittoHeaders headers);

    String complete(String subscriptionId, DittoHeaders headers);

    String failed(String subscriptionId, DittoRuntimeException error, DittoHeaders headers);
  }

  private final String id;
  private final Messages messages;
  private final Consumer<String> send;
  private final Runnable onEnd;
  private DittoHeaders headers;
  private List<? extends JsonValue> items;
  private DittoRuntimeException error;
  private long demand;
  private boolean requested;
  private boolean ended;
  private int next;

  StreamedSubscription(
      String id, Messages messages, DittoHeaders headers, Consumer<String> send, Runnable onEnd) {
    this.id = id;
    this.messages = messages;
    this.headers = headers;
    this.send = send;
    this.onEnd = onEnd;
  }

  String id() {
    return id;
  }

  /** The items are known. */
  void ready(List<? extends JsonValue> items) {
    this.items = items;
    pump();
  }

  /** The items cannot be given (bad query, unknown thing). */
  void fail(DittoRuntimeException e) {
    this.error = e;
    pump();
  }

  /** The client's demand; a non-positive demand breaks the protocol and fails the subscription. */
  void request(long n, DittoHeaders requestHeaders, DittoRuntimeException onInvalidDemand) {
    headers = requestHeaders;
    requested = true;
    if (n <= 0) {
      error = onInvalidDemand;
    } else {
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
    }
    pump();
  }

  /** The client does not want more; nothing further is sent. */
  void cancel() {
    end();
  }

  private void pump() {
    if (ended || !requested) {
      return;
    }
    if (error != null) {
      send.accept(messages.failed(id, error, headers));
      end();
      return;
    }
    if (items == null) {
      return;
    }
    while (demand > 0 && next < items.size()) {
      send.accept(messages.next(id, items.get(next++), headers));
      demand--;
    }
    if (next == items.size()) {
      send.accept(messages.complete(id, headers));
      end();
    }
  }

  private void end() {
    if (!ended) {
      ended = true;
      onEnd.run();
    }
  }
}
