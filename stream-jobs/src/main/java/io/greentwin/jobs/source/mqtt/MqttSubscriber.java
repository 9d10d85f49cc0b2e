package io.greentwin.jobs.source.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The MQTT 5 client of one split: a fixed client id, a persistent session ({@code cleanStart=false}
 * and a session expiry), QoS 1 and manual acknowledgement, so the broker keeps every message this
 * client has not acknowledged and sends it again when the client reconnects.
 *
 * <p>It does not reconnect by itself: a lost connection is reported ({@link #lost()}) and fails the
 * reader, and Flink restarts from the last checkpoint. So every message awaiting its
 * acknowledgement belongs to the current connection, and nothing is acknowledged across a reconnect
 * whose packet identifiers the broker may have reused.
 */
final class MqttSubscriber implements AutoCloseable {
  private static final long TIMEOUT_S = 30;

  private final Mqtt5AsyncClient client;
  private final String clientId;
  private final AtomicReference<Throwable> lost;

  private MqttSubscriber(
      Mqtt5AsyncClient client, String clientId, AtomicReference<Throwable> lost) {
    this.client = client;
    this.clientId = clientId;
    this.lost = lost;
  }

  /**
   * Connects as the split's client and subscribes; {@code sink} sees every message, the ones the
   * broker resends from the session first. Fails with the broker and the reason.
   */
  static MqttSubscriber connect(
      MqttSourceConfig config, MqttSplit split, Consumer<Mqtt5Publish> sink) {
    URI uri = URI.create(config.brokerUrl());
    AtomicReference<Throwable> lost = new AtomicReference<>();
    Mqtt5ClientBuilder builder =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(split.clientId())
            .serverHost(uri.getHost())
            .serverPort(uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri))
            .addDisconnectedListener(
                context -> {
                  if (context.getSource() != MqttDisconnectSource.USER) {
                    lost.compareAndSet(null, context.getCause());
                  }
                });
    if ("ssl".equals(uri.getScheme())) {
      builder = builder.sslWithDefaultConfig();
    }
    Mqtt5AsyncClient client = builder.buildAsync();
    // Registered before connecting, so messages the broker resends right after CONNACK are
    // neither lost nor acknowledged automatically.
    client.publishes(MqttGlobalPublishFilter.ALL, sink, true);
    MqttSubscriber subscriber = new MqttSubscriber(client, split.clientId(), lost);
    try {
      var connect =
          client
              .connectWith()
              .cleanStart(false)
              .sessionExpiryInterval(config.sessionExpiry().toSeconds())
              .restrictions()
              .receiveMaximum(config.receiveMaximum())
              .applyRestrictions();
      if (!config.username().isEmpty()) {
        connect =
            connect
                .simpleAuth()
                .username(config.username())
                .password(config.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth();
      }
      connect.send().get(TIMEOUT_S, TimeUnit.SECONDS);
      client
          .subscribeWith()
          .topicFilter(config.subscription())
          .qos(MqttQos.AT_LEAST_ONCE)
          .send()
          .get(TIMEOUT_S, TimeUnit.SECONDS);
      return subscriber;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      subscriber.close();
      throw failure(config, split, e);
    } catch (Exception e) {
      subscriber.close();
      throw failure(config, split, e);
    }
  }

  /**
   * Fails with the reason if the connection was lost (by the broker, the network or a protocol
   * error) since it was made.
   */
  void checkConnected() throws IOException {
    Throwable cause = lost.get();
    if (cause != null) {
      throw new IOException(
          "MQTT connection of " + clientId + " lost: " + cause + "; restarting from checkpoint",
          cause);
    }
  }

  /** Disconnects without acknowledging anything more; the session stays on the broker. */
  @Override
  public void close() {
    try {
      client.disconnect().get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Not connected (or the broker went away): the session is kept either way and
      // unacknowledged messages are sent again on the next connect.
    }
  }

  @Override
  public String toString() {
    return "MqttSubscriber[" + clientId + "]";
  }

  private static int defaultPort(URI uri) {
    return "ssl".equals(uri.getScheme()) ? 8883 : 1883;
  }

  private static GreenTwinException failure(MqttSourceConfig config, MqttSplit split, Exception e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new GreenTwinException(
        ErrorCode.IO_FAILED,
        "MQTT source cannot subscribe to "
            + config.subscription()
            + " on "
            + config.brokerUrl()
            + " as "
            + split.clientId()
            + ": "
            + root,
        "broker unreachable or subscription refused",
        e);
  }
}
