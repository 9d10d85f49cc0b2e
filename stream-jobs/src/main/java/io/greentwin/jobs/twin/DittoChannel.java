package io.greentwin.jobs.twin;

import io.greentwin.json.JsonText;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.client.DittoClients;
import org.eclipse.ditto.client.configuration.BasicAuthenticationConfiguration;
import org.eclipse.ditto.client.configuration.WebSocketMessagingConfiguration;
import org.eclipse.ditto.client.internal.bus.AdaptableBus;
import org.eclipse.ditto.client.internal.bus.Classification;
import org.eclipse.ditto.client.messaging.AuthenticationProviders;
import org.eclipse.ditto.client.messaging.MessagingProvider;
import org.eclipse.ditto.client.messaging.MessagingProviders;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;

/**
 * Sends twin patches as Ditto Protocol commands over the official Eclipse Ditto client's WebSocket
 * ({@code /ws/2}): a {@code merge} (RFC 7396, {@code application/merge-patch+json}) or {@code
 * modify} at the patch's path, requesting the {@code twin-persisted} acknowledgement, so a success
 * means the change is durable in the twin store; a patch's condition travels as Ditto's {@code
 * condition} header (unmet: 412 {@code things:condition.failed}, nothing changes). Works against
 * GreenTwin's gateway and a real Eclipse Ditto alike.
 *
 * <p>The client keeps the socket (authentication, reconnects) and matches each response to its
 * command by correlation id on its bus, as its own {@code sendDittoProtocol} does; but the command
 * is written as Ditto Protocol text directly instead of being built as Ditto's JSON model,
 * converted to an {@code Adaptable} and rendered back to text: at thousands of merges a second that
 * round trip was most of the sink's CPU.
 */
final class DittoChannel implements TwinChannel {
  private final DittoClient client;
  private final MessagingProvider messaging;
  private final Duration timeout;
  private final String correlationPrefix =
      "greentwin-sync-" + Long.toHexString(new SecureRandom().nextLong()) + "-";
  private final AtomicLong sent = new AtomicLong();

  private DittoChannel(DittoClient client, MessagingProvider messaging, Duration timeout) {
    this.client = client;
    this.messaging = messaging;
    this.timeout = timeout;
  }

  /** Connects with HTTP Basic authentication; reconnects by itself when the socket drops. */
  static DittoChannel connect(DittoSinkConfig config) throws Exception {
    MessagingProvider messaging =
        MessagingProviders.webSocket(
            WebSocketMessagingConfiguration.newBuilder()
                .endpoint(config.endpoint())
                .jsonSchemaVersion(JsonSchemaVersion.V_2)
                .reconnectEnabled(true)
                .timeout(config.requestTimeout())
                .build(),
            AuthenticationProviders.basic(
                BasicAuthenticationConfiguration.newBuilder()
                    .username(config.username())
                    .password(config.password())
                    .build()));
    DittoClient client =
        DittoClients.newInstance(messaging)
            .connect()
            .toCompletableFuture()
            .get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return new DittoChannel(client, messaging, config.requestTimeout());
  }

  @Override
  public CompletableFuture<Void> send(TwinPatch patch) {
    String correlationId = correlationPrefix + sent.incrementAndGet();
    String command = envelopeText(patch, correlationId);
    // Subscribed before the command leaves, as the client's sendAdaptable does, but without the
    // bus's own timeout: ditto-client 2.4.0 does not cancel a one-time subscription's timeout task
    // when the response arrives, so every response stayed reachable for the whole timeout (at
    // thousands of merges a second, hundreds of MB promoted into the old generation). The JDK's
    // timeout below is cancelled and dropped once the response is in.
    AdaptableBus bus = messaging.getAdaptableBus();
    CompletableFuture<Adaptable> response = new CompletableFuture<>();
    AdaptableBus.SubscriptionId subscription =
        bus.subscribeForAdaptable(
            Classification.forCorrelationId(correlationId), response::complete);
    response
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((r, e) -> bus.unsubscribe(subscription));
    try {
      messaging.emit(command);
    } catch (RuntimeException e) {
      response.completeExceptionally(e);
    }
    return response.thenAccept(DittoChannel::check);
  }

  /**
   * The Ditto Protocol message of a patch, as text: topic, headers (the correlation id, a response
   * and the {@code twin-persisted} acknowledgement required, the content type, the condition if
   * any), path and value (the patch's JSON as it is).
   */
  static String envelopeText(TwinPatch patch, String correlationId) {
    int colon = patch.thingId().indexOf(':');
    if (colon < 1) {
      throw new TwinRejectedException(400, "not a Ditto thing id: '" + patch.thingId() + "'");
    }
    StringBuilder json = new StringBuilder(256 + patch.json().length());
    json.append("{\"topic\":");
    JsonText.quote(
        json,
        patch.thingId().substring(0, colon)
            + "/"
            + patch.thingId().substring(colon + 1)
            + "/things/twin/commands/"
            + (patch.replace() ? "modify" : "merge"));
    json.append(",\"headers\":{\"correlation-id\":");
    JsonText.quote(json, correlationId);
    json.append(",\"response-required\":true,\"requested-acks\":[\"twin-persisted\"]");
    json.append(",\"content-type\":")
        .append(patch.replace() ? "\"application/json\"" : "\"application/merge-patch+json\"");
    if (patch.condition() != null) {
      JsonText.quote(json.append(",\"condition\":"), patch.condition());
    }
    JsonText.quote(json.append("},\"path\":"), patch.path());
    return json.append(",\"value\":").append(patch.json()).append('}').toString();
  }

  /** The Ditto Protocol message of a patch as text, for dead letters. */
  static String envelopeText(TwinPatch patch) {
    try {
      return envelopeText(patch, "");
    } catch (RuntimeException e) {
      return patch.toString();
    }
  }

  /**
   * Success (2xx) passes; timeouts, failed acknowledgements (424), throttling and server errors are
   * worth retrying; any other status is a permanent refusal, {@link TwinRejectedException}.
   */
  private static void check(Adaptable response) {
    int status = response.getPayload().getHttpStatus().map(s -> s.getCode()).orElse(200);
    if (status < 300) {
      return;
    }
    String error = response.getPayload().getValue().map(JsonValue::toString).orElse("");
    if (status == 408 || status == 424 || status == 429 || status >= 500) {
      throw new IllegalStateException("twin service busy or failing: " + status + " " + error);
    }
    throw new TwinRejectedException(status, error);
  }

  @Override
  public void close() {
    client.destroy();
  }
}
