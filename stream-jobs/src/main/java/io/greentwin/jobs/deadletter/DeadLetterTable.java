package io.greentwin.jobs.deadletter;

import io.greentwin.jobs.jdbc.H2WriteThrough;
import io.greentwin.jobs.jdbc.JdbcDrivers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * The {@code dead_letter} table, the same on H2 and PostgreSQL: one row per dead letter with when
 * it was received, where from, why and the raw message. Created when absent.
 */
public final class DeadLetterTable {
  /** H2 file under the working directory, the default store. */
  public static final String DEFAULT_URL = "jdbc:h2:./data/dead-letters;AUTO_SERVER=TRUE";

  static final String DDL =
      "CREATE TABLE IF NOT EXISTS dead_letter ("
          + " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
          + " received_at TIMESTAMP NOT NULL,"
          + " origin VARCHAR(1000) NOT NULL,"
          + " reason VARCHAR(4000) NOT NULL,"
          + " raw VARCHAR("
          + DeadLetter.MAX_RAW_CHARS
          + ") NOT NULL)";

  static final String INSERT =
      "INSERT INTO dead_letter (received_at, origin, reason, raw) VALUES (?, ?, ?, ?)";

  private DeadLetterTable() {}

  /** Creates the table at {@code jdbcUrl} unless it exists. */
  public static void createIfAbsent(String jdbcUrl) throws SQLException {
    try (Connection c = JdbcDrivers.connect(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute(DDL);
      H2WriteThrough.apply(c);
    }
  }

  /** Binds a dead letter to {@link #INSERT}'s parameters. */
  static void bind(PreparedStatement ps, DeadLetter d) throws SQLException {
    ps.setTimestamp(1, new Timestamp(d.receivedMs()));
    ps.setString(2, cut(d.origin(), 1000));
    ps.setString(3, cut(d.reason(), 4000));
    ps.setString(4, d.raw());
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
