package io.greentwin.sensorbus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.sim.ReadingEncoder;
import io.greentwin.sim.ReadingSink;
import io.greentwin.sim.SensorPoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes readings to the campus sensor bus over MQTT 5 (HiveMQ client), QoS 1, one topic per
 * sensor: {@code greentwin/readings/<thingId>/<feature>/<property>}; malformed test messages go to
 * {@code greentwin/readings/_malformed}. A bounded number of unacknowledged publishes keeps memory
 * flat; a broker error fails the run rather than losing readings silently.
 */
public final class MqttReadingPublisher implements ReadingSink {
  /** Root of the reading topics (docs/SENSOR-FORMAT.md). */
  public static final String TOPIC_ROOT = "greentwin/readings/";

  private static final int MAX_IN_FLIGHT = 2_000;
  private static final long TIMEOUT_S = 30;

  private final Mqtt5AsyncClient client;
  private final ReadingEncoder encoder = new ReadingEncoder();
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private String[] topics = new String[0];

  private MqttReadingPublisher(Mqtt5AsyncClient client) {
    this.client = client;
  }

  /** Connects to {@code tcp://host:port}; a failure names the broker and the reason. */
  public static MqttReadingPublisher connect(URI broker) {
    if (!"tcp".equals(broker.getScheme()) || broker.getHost() == null) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "MQTT broker must look like tcp://host:port but was " + broker);
    }
    Mqtt5AsyncClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("greentwin-sim-" + UUID.randomUUID())
            .serverHost(broker.getHost())
            .serverPort(broker.getPort() < 0 ? 1883 : broker.getPort())
            .buildAsync();
    try {
      client.connectWith().cleanStart(true).send().get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "cannot connect to MQTT broker " + broker + ": " + rootMessage(e),
          "broker unreachable",
          e);
    }
    return new MqttReadingPublisher(client);
  }

  @Override
  public void accept(SensorPoint p, double value, long eventTimeMs, long seq) {
    publish(topic(p), encoder.encode(p, value, eventTimeMs, seq));
  }

  @Override
  public void acceptMalformed(String raw) {
    publish(TOPIC_ROOT + "_malformed", raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Waits for every publish to be acknowledged. */
  @Override
  public void close() {
    try {
      if (!inFlight.tryAcquire(MAX_IN_FLIGHT, TIMEOUT_S, TimeUnit.SECONDS)) {
        throw new GreenTwinException(
            ErrorCode.IO_FAILED, "MQTT broker did not acknowledge every reading in time");
      }
      inFlight.release(MAX_IN_FLIGHT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rethrow();
  }

  /** Disconnects from the broker. */
  public void disconnect() {
    try {
      client.disconnect().get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (Exception e) {
      // The connection is going away either way; nothing acknowledged depends on it.
    }
  }

  private void publish(String topic, byte[] payload) {
    rethrow();
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GreenTwinException(ErrorCode.IO_FAILED, "interrupted while publishing");
    }
    client
        .publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .payload(payload)
        .send()
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
              inFlight.release();
            });
  }

  private String topic(SensorPoint p) {
    if (p.index() >= topics.length) {
      topics = java.util.Arrays.copyOf(topics, Math.max(p.index() + 1, topics.length * 2));
    }
    String t = topics[p.index()];
    if (t == null) {
      t = TOPIC_ROOT + p.thingId() + "/" + p.feature() + "/" + p.property();
      topics[p.index()] = t;
    }
    return t;
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t != null) {
      throw new GreenTwinException(
          ErrorCode.IO_FAILED, "MQTT publish failed: " + rootMessage(t), "broker error", t);
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
  }
}
