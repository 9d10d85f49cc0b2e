package io.greentwin.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The twin store's database: an H2 file under the data directory by default, or PostgreSQL by
 * configuration, with the same schema brought up to date by Flyway's versioned migrations.
 */
public final class TwinDatabase implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final boolean postgres;

  private TwinDatabase(String url, String user, String password) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setUsername(user);
    c.setPassword(password);
    c.setMaximumPoolSize(6);
    c.setPoolName("greentwin-twins");
    this.postgres = url.startsWith("jdbc:postgresql:");
    try {
      this.dataSource = new HikariDataSource(c);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_INVALID,
          "cannot open the twin database " + redact(url) + ": " + e.getMessage(),
          "twin database unavailable",
          e);
    }
  }

  /**
   * An H2 file database {@code twins.mv.db} in a directory. {@code WRITE_DELAY=0}: a commit is
   * written to the file before it returns, so an acknowledged change survives a killed process.
   */
  public static TwinDatabase h2(Path dataDir) {
    String file = dataDir.toAbsolutePath().resolve("twins").toString();
    return new TwinDatabase("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "");
  }

  /** Any JDBC URL (PostgreSQL gets {@code reWriteBatchedInserts=true} unless set). */
  public static TwinDatabase of(String jdbcUrl, String user, String password) {
    String url = jdbcUrl;
    if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
      url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    return new TwinDatabase(url, user, password);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public boolean isPostgres() {
    return postgres;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
