package io.greentwin.jobs.source.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.greentwin.jobs.source.RawReading;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Measures readings/s through broker → {@link MqttSource} → discarding sink at QoS 1, with
 * checkpointing on (so every message is acknowledged after its checkpoint, as in production), while
 * one publisher sends readings as fast as the broker acknowledges them (up to 20,000 in flight).
 * Prints the publish rate and the end-to-end rate (first publish to last reading received), and how
 * many readings did not arrive (dropped by the broker).
 *
 * <p>Args: {@code [readings=1000000] [checkpointMs=1000] [splits=1] [broker=tcp://127.0.0.1:1883]}.
 * See docs/BENCHMARKS.md, "MQTT source".
 */
public final class MqttSourceBench {
  /** Readings the sink has seen; the sink runs in this JVM (local mini-cluster). */
  private static final AtomicLong RECEIVED = new AtomicLong();

  private static final int IN_FLIGHT = 20_000;
  private static final int TOPICS = 1_000;
  private static final long STALL_MS = 15_000;

  private MqttSourceBench() {}

  public static void main(String[] args) throws Exception {
    long readings = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    long checkpointMs = args.length > 1 ? Long.parseLong(args[1]) : 1_000;
    int splits = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    URI broker = URI.create(args.length > 3 ? args[3] : "tcp://127.0.0.1:1883");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String root = "greentwin-bench/" + run + "/readings";

    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(splits, conf);
    env.enableCheckpointing(checkpointMs);
    MqttSourceBuilder source =
        MqttSource.builder()
            .brokerUrl(broker.toString())
            .topicFilter(root + "/#")
            .clientIdPrefix("greentwin-bench-" + run)
            .splits(splits);
    if (splits > 1) {
      source.sharedGroup("bench-" + run);
    }
    env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "mqtt")
        .uid("mqtt-source")
        .sinkTo(new CountingSink())
        .name("discard");
    JobClient job = env.executeAsync("mqtt-source-bench");
    Mqtt5AsyncClient publisher =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("greentwin-bench-pub-" + run)
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .buildAsync();
    publisher.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
    try {
      Mqtt5AsyncClient plain = plainSubscriber(broker, run);
      awaitSubscribed(publisher, root + "-plain");
      run(
          "plain HiveMQ-client subscriber, QoS 1, acknowledged at once",
          publisher,
          root + "-plain",
          readings);
      plain.disconnect().get(30, TimeUnit.SECONDS);
      awaitSubscribed(publisher, root);
      run(
          "MQTT source, QoS 1, "
              + splits
              + " split(s), acknowledged after checkpoints every "
              + checkpointMs
              + " ms",
          publisher,
          root,
          readings);
    } finally {
      publisher.disconnect().get(30, TimeUnit.SECONDS);
      job.cancel().get(30, TimeUnit.SECONDS);
    }
    System.exit(0); // the MQTT clients' event loops would keep the JVM alive
  }

  private static Mqtt5AsyncClient plainSubscriber(URI broker, String run) throws Exception {
    Mqtt5AsyncClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("greentwin-bench-plain-" + run)
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .buildAsync();
    client.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
    client
        .subscribeWith()
        .topicFilter("greentwin-bench/" + run + "/readings-plain/#")
        .qos(MqttQos.AT_LEAST_ONCE)
        .callback(p -> RECEIVED.incrementAndGet())
        .send()
        .get(30, TimeUnit.SECONDS);
    return client;
  }

  private static void run(String what, Mqtt5AsyncClient publisher, String root, long readings)
      throws Exception {
    long base = RECEIVED.get();
    Semaphore window = new Semaphore(IN_FLIGHT);
    String[] topics = new String[TOPICS];
    for (int i = 0; i < TOPICS; i++) {
      topics[i] = root + "/greentwin.bench:rack-" + i + "/power/powerKw";
    }
    long start = System.nanoTime();
    for (long seq = 0; seq < readings; seq++) {
      window.acquire();
      publisher
          .publishWith()
          .topic(topics[(int) (seq % TOPICS)])
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload(reading(seq).getBytes(StandardCharsets.UTF_8))
          .send()
          .whenComplete((ack, error) -> window.release());
    }
    window.acquire(IN_FLIGHT);
    long published = System.nanoTime();
    long last = RECEIVED.get();
    long lastChange = System.nanoTime();
    long lastArrival = lastChange;
    while (RECEIVED.get() - base < readings
        && System.nanoTime() - lastChange < TimeUnit.MILLISECONDS.toNanos(STALL_MS)) {
      Thread.sleep(5);
      long now = RECEIVED.get();
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
        lastArrival = lastChange;
      }
    }
    long received = RECEIVED.get() - base;
    double publishS = (published - start) / 1e9;
    double endToEndS = (lastArrival - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s:%n"
            + "  published %,d readings in %.2f s: %,.0f readings/s%n"
            + "  received  %,d readings in %.2f s: %,.0f readings/s end to end%n"
            + "  missing   %,d (dropped by the broker or still queued)%n",
        what,
        readings,
        publishS,
        readings / publishS,
        received,
        endToEndS,
        received / endToEndS,
        Math.max(0, readings - received));
  }

  private static void awaitSubscribed(Mqtt5AsyncClient publisher, String root) throws Exception {
    long base = RECEIVED.get();
    while (RECEIVED.get() == base) {
      publisher
          .publishWith()
          .topic(root + "/probe")
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload("probe".getBytes(StandardCharsets.UTF_8))
          .send()
          .get(30, TimeUnit.SECONDS);
      Thread.sleep(100);
    }
    Thread.sleep(500); // let the remaining probes arrive before counting from a base
  }

  private static String reading(long seq) {
    return "{\"thingId\":\"greentwin.bench:rack-"
        + (seq % TOPICS)
        + "\",\"feature\":\"power\",\"property\":\"powerKw\",\"value\":12.5,\"unit\":\"kW\","
        + "\"eventTime\":\"2031-03-03T03:03:03.000Z\",\"seq\":"
        + seq
        + "}";
  }

  /** Counts and discards. */
  private static final class CountingSink implements Sink<RawReading> {
    @Override
    public SinkWriter<RawReading> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(RawReading reading, Context ctx) {
          RECEIVED.incrementAndGet();
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
