package io.greentwin.testsupport;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one way tests get an MQTT broker, first that works of: the address in {@code
 * GREENTWIN_MQTT_URL} (which {@code .ci/run} sets to the local Mosquitto); an Eclipse Mosquitto
 * container where a Docker engine runs; an embedded HiveMQ Community Edition on a free loopback
 * port with a temporary folder (in-memory persistence); else none, with the reason, so the test can
 * skip saying why. The broker is started once per JVM and shared: tests use their own topics and
 * client ids.
 */
public final class MqttBrokers {
  /** Environment variable naming the broker, e.g. {@code tcp://127.0.0.1:1883}. */
  public static final String ENV = "GREENTWIN_MQTT_URL";

  private static final long START_TIMEOUT_S = 60;

  private static boolean looked;
  private static boolean embedded;
  private static URI started;
  private static String whyNone = "no MQTT broker looked for yet";

  private MqttBrokers() {}

  /** A broker to use, or empty with {@link #whyNone()} explaining. */
  public static synchronized Optional<URI> broker() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(URI.create(env.trim()));
    }
    if (!looked) {
      looked = true;
      started = dockerAvailable() ? startMosquittoContainer() : null;
      if (started == null) {
        started = startEmbeddedHiveMq();
        embedded = started != null;
      }
    }
    return Optional.ofNullable(started);
  }

  /** Why no broker is available. */
  public static synchronized String whyNone() {
    return "no MQTT broker: set "
        + ENV
        + "=tcp://host:port (e.g. a local Mosquitto), run a Docker engine for Testcontainers,"
        + " or fix the embedded HiveMQ CE: "
        + whyNone;
  }

  /**
   * Whether {@link #broker()} gave the embedded HiveMQ CE, for the few tests of behaviour that
   * brokers are free to choose (e.g. how a shared group's messages are spread).
   */
  public static synchronized boolean isEmbeddedHiveMq() {
    return embedded;
  }

  private static URI startMosquittoContainer() {
    try {
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2"))
              .withExposedPorts(1883)
              .withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf");
      container.start();
      return URI.create("tcp://" + container.getHost() + ":" + container.getMappedPort(1883));
    } catch (RuntimeException e) {
      whyNone = "Mosquitto container did not start: " + e;
      return null;
    }
  }

  private static URI startEmbeddedHiveMq() {
    try {
      Path home = Files.createTempDirectory("greentwin-hivemq-");
      Path conf = Files.createDirectories(home.resolve("conf"));
      int port = freePort();
      Files.writeString(conf.resolve("config.xml"), hiveMqConfig(port));
      EmbeddedHiveMQ hivemq =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(conf)
              .withDataFolder(Files.createDirectories(home.resolve("data")))
              .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
              .withoutLoggingBootstrap()
              .build();
      hivemq.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(hivemq, home)));
      return URI.create("tcp://127.0.0.1:" + port);
    } catch (Exception | LinkageError e) {
      whyNone = "embedded HiveMQ CE did not start: " + e;
      return null;
    }
  }

  /**
   * Loopback only, nothing phoned home, sessions in memory, and queues large enough that a test
   * publishing faster than its job acknowledges loses nothing.
   */
  private static String hiveMqConfig(int port) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
          </listeners>
          <mqtt>
            <queued-messages><max-queue-size>1000000</max-queue-size></queued-messages>
          </mqtt>
          <persistence><mode>in-memory</mode></persistence>
          <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
        </hivemq>
        """
        .formatted(port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void stopAndDelete(EmbeddedHiveMQ hivemq, Path home) {
    try {
      hivemq.stop().get(START_TIMEOUT_S, TimeUnit.SECONDS);
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (Exception e) {
      // The JVM is exiting; what is left is in the temporary folder.
    }
  }

  private static boolean dockerAvailable() {
    if (System.getenv("DOCKER_HOST") == null
        && !Files.exists(Path.of("/var/run/docker.sock"))
        && !Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
      return false; // Spares Testcontainers' error log where no engine can be found.
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
