package io.greentwin.testsupport;

import java.net.URI;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one way integration tests get an MQTT broker: the address in {@code GREENTWIN_MQTT_URL}
 * (which {@code .ci/run} sets to the local Mosquitto), else an Eclipse Mosquitto container where a
 * Docker engine runs, else none, with the reason, so the test can skip saying why.
 */
public final class MqttBrokers {
  /** Environment variable naming the broker, e.g. {@code tcp://127.0.0.1:1883}. */
  public static final String ENV = "GREENTWIN_MQTT_URL";

  private static GenericContainer<?> container;

  private MqttBrokers() {}

  /** A broker to use, or empty with {@link #whyNone()} explaining. */
  public static synchronized Optional<URI> broker() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(URI.create(env.trim()));
    }
    if (container == null && dockerAvailable()) {
      container =
          new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2"))
              .withExposedPorts(1883)
              .withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf");
      container.start();
    }
    if (container != null) {
      return Optional.of(
          URI.create("tcp://" + container.getHost() + ":" + container.getMappedPort(1883)));
    }
    return Optional.empty();
  }

  /** Why no broker is available. */
  public static String whyNone() {
    return "no MQTT broker: set "
        + ENV
        + "=tcp://host:port (e.g. a local Mosquitto) or run a"
        + " Docker engine for Testcontainers";
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
