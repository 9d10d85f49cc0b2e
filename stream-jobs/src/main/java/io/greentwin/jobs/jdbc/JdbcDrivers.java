package io.greentwin.jobs.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens JDBC connections from job code. On a Flink cluster the drivers travel in the job jar and
 * live in the job's class loader, which {@code DriverManager} does not search ("No suitable driver
 * found"): so the driver class is named from the URL and loaded from this class's loader.
 */
public final class JdbcDrivers {
  private JdbcDrivers() {}

  /** The driver class of a JDBC URL: H2 or PostgreSQL. */
  public static String driverClass(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return "org.h2.Driver";
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return "org.postgresql.Driver";
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL (jdbc:h2:… or jdbc:postgresql:… expected): " + jdbcUrl);
  }

  /** A new connection to {@code jdbcUrl} through its driver, loaded from the job's class loader. */
  public static Connection connect(String jdbcUrl) throws SQLException {
    return connect(jdbcUrl, null, null);
  }

  /** The same with a user and password (both null: none). */
  public static Connection connect(String jdbcUrl, String user, String password)
      throws SQLException {
    Driver driver;
    try {
      driver =
          (Driver)
              Class.forName(driverClass(jdbcUrl), true, JdbcDrivers.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new SQLException("JDBC driver for " + jdbcUrl + " not found", e);
    }
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
      props.setProperty("password", password == null ? "" : password);
    }
    Connection c = driver.connect(jdbcUrl, props);
    if (c == null) {
      throw new SQLException("the driver refused the URL " + jdbcUrl);
    }
    return c;
  }
}
