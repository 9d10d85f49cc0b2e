package io.greentwin.jobs.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an H2 database write each commit to its file before the commit returns. By default H2 does
 * so up to {@code WRITE_DELAY} (500 ms) later, so a process killed in between loses commits a job
 * has already counted on: a sink commits at every Flink checkpoint, and a job restored from that
 * checkpoint never writes those rows again. The setting belongs to the database and persists; the
 * twin store's URL sets the same.
 */
public final class H2WriteThrough {
  private static final Logger LOG = LoggerFactory.getLogger(H2WriteThrough.class);

  private H2WriteThrough() {}

  /**
   * Sets {@code WRITE_DELAY 0} when {@code c} is an H2 connection; nothing otherwise. The setting
   * needs an admin user: without one it warns that the URL should carry {@code ;WRITE_DELAY=0}.
   */
  public static void apply(Connection c) throws SQLException {
    if (!c.getMetaData().getURL().startsWith("jdbc:h2:")) {
      return;
    }
    try (Statement st = c.createStatement()) {
      st.execute("SET WRITE_DELAY 0");
    } catch (SQLException e) {
      LOG.warn(
          "cannot set WRITE_DELAY 0 on {} ({}): commits may be lost if the process is killed;"
              + " add ;WRITE_DELAY=0 to the URL or connect as an admin",
          c.getMetaData().getURL(),
          e.getMessage());
    }
  }
}
