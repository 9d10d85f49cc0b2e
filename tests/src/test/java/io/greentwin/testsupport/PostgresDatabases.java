package io.greentwin.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The one way integration tests get PostgreSQL: the server in {@code GREENTWIN_POSTGRES_URL} (which
 * {@code .ci/run} sets to the local service, e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), else a PostgreSQL container where a
 * Docker engine runs, else none, with the reason. Each test gets a fresh database of its own.
 */
public final class PostgresDatabases {
  public static final String ENV = "GREENTWIN_POSTGRES_URL";
  private static GenericContainer<?> container;

  private PostgresDatabases() {}

  /** A JDBC URL to a new, empty database, or empty with {@link #whyNone()}. */
  public static synchronized Optional<String> freshDatabase() throws SQLException {
    Optional<String> admin = adminUrl();
    if (admin.isEmpty()) {
      return Optional.empty();
    }
    String name = "greentwin_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(admin.get());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return Optional.of(withDatabase(admin.get(), name));
  }

  /** Drops a database made by {@link #freshDatabase()}. */
  public static void drop(String url) throws SQLException {
    String name = url.replaceAll("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
    try (Connection c = DriverManager.getConnection(adminUrl().orElseThrow());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  public static String whyNone() {
    return "no PostgreSQL: set "
        + ENV
        + "=jdbc:postgresql://host:5432/postgres?user=postgres"
        + " or run a Docker engine for Testcontainers";
  }

  private static Optional<String> adminUrl() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(env.trim());
    }
    if (container == null && dockerAvailable()) {
      container =
          new GenericContainer<>(DockerImageName.parse("postgres:15"))
              .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
              .withExposedPorts(5432)
              .waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2));
      container.start();
    }
    return container == null
        ? Optional.empty()
        : Optional.of(
            "jdbc:postgresql://"
                + container.getHost()
                + ":"
                + container.getMappedPort(5432)
                + "/postgres?user=postgres");
  }

  private static String withDatabase(String url, String db) {
    return url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
