package io.greentwin.jobs.source.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes test messages at QoS 1 and waits for the broker's PUBACKs; the campus-gateway's
 * MqttReadingPublisher does this for real, but stream-jobs must not import it.
 */
final class TestPublisher implements AutoCloseable {
  private static final long TIMEOUT_S = 30;
  private static final int WINDOW = 1_000;

  private final Mqtt5AsyncClient client;
  private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

  TestPublisher(URI broker) throws Exception {
    client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("greentwin-test-pub-" + UUID.randomUUID())
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .buildAsync();
    client.connectWith().cleanStart(true).send().get(TIMEOUT_S, TimeUnit.SECONDS);
  }

  /** A reading in the wire format (docs/SENSOR-FORMAT.md) with sequence number {@code seq}. */
  static String reading(long seq) {
    return "{\"thingId\":\"greentwin.test:rack-1\",\"feature\":\"power\",\"property\":\"powerKw\","
        + "\"value\":12.5,\"unit\":\"kW\",\"eventTime\":\"2031-03-03T03:03:03.000Z\",\"seq\":"
        + seq
        + "}";
  }

  /**
   * Publishes readings {@code from} until {@code to} (exclusive) to {@code topic}, acknowledged.
   */
  void publishReadings(String topic, long from, long to) throws Exception {
    for (long seq = from; seq < to; seq++) {
      publish(topic, reading(seq).getBytes(StandardCharsets.UTF_8));
    }
    flush();
  }

  /** Publishes one message without waiting; {@link #flush()} waits. */
  void publish(String topic, byte[] payload) throws Exception {
    inFlight.add(
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send());
    if (inFlight.size() >= WINDOW) {
      flush();
    }
  }

  /** Waits until the broker acknowledged every message published so far. */
  void flush() throws Exception {
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    inFlight.clear();
  }

  /**
   * Connects as {@code clientId} with its persistent session, which makes the broker drop that
   * client's connection, then leaves without acknowledging anything it was sent.
   */
  static void takeOverSession(URI broker, String clientId) throws Exception {
    Mqtt5AsyncClient intruder =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .buildAsync();
    intruder.publishes(MqttGlobalPublishFilter.ALL, p -> {}, true);
    intruder
        .connectWith()
        .cleanStart(false)
        .sessionExpiryInterval(3_600)
        .send()
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    intruder.disconnect().get(TIMEOUT_S, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    flush();
    client.disconnect().get(TIMEOUT_S, TimeUnit.SECONDS);
  }
}
