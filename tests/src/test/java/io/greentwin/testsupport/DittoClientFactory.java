package io.greentwin.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.client.DittoClient;
import org.eclipse.ditto.client.DittoClients;
import org.eclipse.ditto.client.configuration.BasicAuthenticationConfiguration;
import org.eclipse.ditto.client.configuration.WebSocketMessagingConfiguration;
import org.eclipse.ditto.client.messaging.AuthenticationProviders;
import org.eclipse.ditto.client.messaging.MessagingProviders;

/** Connects the official Eclipse Ditto Java client over WebSocket, as its users do. */
public final class DittoClientFactory {
  private DittoClientFactory() {}

  /** A connected client with Basic auth {@code ditto:ditto} and reconnection on. */
  public static DittoClient connect(String endpoint) throws Exception {
    return connect(endpoint, "ditto", "ditto");
  }

  /** A connected client with Basic auth of the given user, and reconnection on. */
  public static DittoClient connect(String endpoint, String user, String password)
      throws Exception {
    var messaging =
        MessagingProviders.webSocket(
            WebSocketMessagingConfiguration.newBuilder()
                .endpoint(endpoint)
                .jsonSchemaVersion(JsonSchemaVersion.V_2)
                .reconnectEnabled(true)
                .timeout(Duration.ofSeconds(10))
                .build(),
            AuthenticationProviders.basic(
                BasicAuthenticationConfiguration.newBuilder()
                    .username(user)
                    .password(password)
                    .build()));
    return DittoClients.newInstance(messaging)
        .connect()
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);
  }
}
