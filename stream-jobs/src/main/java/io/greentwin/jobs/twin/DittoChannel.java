package io.greentwin.jobs.twin;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.client.DittoClients;
import org.eclipse.ditto.client.configuration.BasicAuthenticationConfiguration;
import org.eclipse.ditto.client.configuration.WebSocketMessagingConfiguration;
import org.eclipse.ditto.client.messaging.AuthenticationProviders;
import org.eclipse.ditto.client.messaging.MessagingProviders;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;

/**
 * Sends twin patches as Ditto Protocol commands over the official Eclipse Ditto client's WebSocket
 * ({@code /ws/2}): a {@code merge} (RFC 7396, {@code application/merge-patch+json}) or {@code
 * modify} at the patch's path, requesting the {@code twin-persisted} acknowledgement, so a success
 * means the change is durable in the twin store; a patch's condition travels as Ditto's {@code
 * condition} header (unmet: 412 {@code things:condition.failed}, nothing changes). Works against
 * GreenTwin's gateway and a real Eclipse Ditto alike.
 */
final class DittoChannel implements TwinChannel {
  private final DittoClient client;

  private DittoChannel(DittoClient client) {
    this.client = client;
  }

  /** Connects with HTTP Basic authentication; reconnects by itself when the socket drops. */
  static DittoChannel connect(DittoSinkConfig config) throws Exception {
    var messaging =
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
    return new DittoChannel(client);
  }

  @Override
  public CompletableFuture<Void> send(TwinPatch patch) {
    Adaptable command = ProtocolFactory.jsonifiableAdaptableFromJson(envelope(patch));
    return client.sendDittoProtocol(command).toCompletableFuture().thenAccept(DittoChannel::check);
  }

  /** The Ditto Protocol message of a patch. */
  static JsonObject envelope(TwinPatch patch) {
    int colon = patch.thingId().indexOf(':');
    if (colon < 1) {
      throw new TwinRejectedException(400, "not a Ditto thing id: '" + patch.thingId() + "'");
    }
    String topic =
        patch.thingId().substring(0, colon)
            + "/"
            + patch.thingId().substring(colon + 1)
            + "/things/twin/commands/"
            + (patch.replace() ? "modify" : "merge");
    var headers =
        JsonFactory.newObjectBuilder()
            .set("correlation-id", "greentwin-sync-" + UUID.randomUUID())
            .set("response-required", true)
            .set("requested-acks", JsonArray.of(JsonValue.of("twin-persisted")))
            .set(
                "content-type",
                patch.replace() ? "application/json" : "application/merge-patch+json");
    if (patch.condition() != null) {
      headers.set("condition", patch.condition());
    }
    return JsonFactory.newObjectBuilder()
        .set("topic", topic)
        .set("headers", headers.build())
        .set("path", patch.path())
        .set("value", JsonFactory.readFrom(patch.json()))
        .build();
  }

  /** The Ditto Protocol message of a patch as text, for dead letters. */
  static String envelopeText(TwinPatch patch) {
    try {
      return envelope(patch).toString();
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
