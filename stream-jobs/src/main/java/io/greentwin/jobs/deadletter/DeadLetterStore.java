package io.greentwin.jobs.deadletter;

import io.greentwin.jobs.jdbc.JdbcDrivers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends dead letters to the {@code dead_letter} table in one batch per call, for code that finds
 * dead letters outside a Flink stream (the twin sink's rejected patches). Opens a connection per
 * batch: rejections are rare.
 */
public final class DeadLetterStore {
  private final String jdbcUrl;

  public DeadLetterStore(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** Appends the dead letters in one transaction; creates the table first when absent. */
  public void append(List<DeadLetter> letters) throws SQLException {
    if (letters.isEmpty()) {
      return;
    }
    DeadLetterTable.createIfAbsent(jdbcUrl);
    try (Connection c = JdbcDrivers.connect(jdbcUrl);
        PreparedStatement ps = c.prepareStatement(DeadLetterTable.INSERT)) {
      c.setAutoCommit(false);
      for (DeadLetter d : letters) {
        DeadLetterTable.bind(ps, d);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }
}
