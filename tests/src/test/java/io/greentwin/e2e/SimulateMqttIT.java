package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.greentwin.cli.GreenTwinCli;
import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingJson;
import io.greentwin.testsupport.MqttBrokers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code greentwin simulate --mqtt} publishes every reading to a real broker, QoS 1. */
class SimulateMqttIT {
  private static final String CONFIG =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml").toString();

  @Test
  void everyReadingOfATickArrivesOnItsSensorTopic() throws Exception {
    var broker = MqttBrokers.broker();
    Assumptions.assumeTrue(broker.isPresent(), MqttBrokers.whyNone());
    URI uri = broker.get();
    String testRun = UUID.randomUUID().toString();
    Mqtt5AsyncClient sub =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier("greentwin-it-" + testRun)
            .serverHost(uri.getHost())
            .serverPort(uri.getPort())
            .buildAsync();
    sub.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
    AtomicInteger received = new AtomicInteger();
    Map<String, Reading> lastByTopic = new ConcurrentHashMap<>();
    ReadingJson parser = new ReadingJson();
    try {
      sub.subscribeWith()
          .topicFilter("greentwin/readings/#")
          .qos(MqttQos.AT_LEAST_ONCE)
          .callback(
              p -> {
                String body = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
                Reading r = parser.parse(body);
                if (r.eventTime().toString().startsWith("2031-03-03T03:03")) {
                  lastByTopic.put(p.getTopic().toString(), r);
                  received.incrementAndGet();
                }
              })
          .send()
          .get(10, TimeUnit.SECONDS);
      StringWriter err = new StringWriter();
      int code =
          GreenTwinCli.execute(
              new String[] {
                "simulate",
                "--config",
                CONFIG,
                "--mqtt",
                uri.toString(),
                "--duration",
                "30s",
                "--speed",
                "0",
                "--rate",
                "4000",
                "--start",
                "2031-03-03T03:03:00Z"
              },
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (received.get() < 17_862 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(received.get()).isEqualTo(17_862);
      Reading rack =
          lastByTopic.get("greentwin/readings/greentwin.xianghe:b1-h1-r01-k01/coolant/supplyTempC");
      assertThat(rack).isNotNull();
      assertThat(rack.unit()).isEqualTo("Cel");
      assertThat(rack.value()).isBetween(40.0, 55.0);
    } finally {
      sub.disconnect().get(10, TimeUnit.SECONDS);
    }
  }
}
