package io.greentwin.jobs.timeseries;

import io.greentwin.jobs.jdbc.JdbcDrivers;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections to the time-series database, and its schema: the versioned migrations of {@code
 * db/timeseries} applied by Flyway with their own history table ({@code ts_schema_history}), so
 * they can share a database with the twin journal's migrations.
 */
public final class TimeSeriesDatabase {
  /** Writers of one JVM migrate one after another (Flyway locks across processes itself). */
  private static final Object MIGRATION_LOCK = new Object();

  private TimeSeriesDatabase() {}

  /** Brings the schema up to date; idempotent. */
  public static void migrate(TimeSeriesConfig cfg) {
    synchronized (MIGRATION_LOCK) {
      Flyway.configure(TimeSeriesDatabase.class.getClassLoader())
          .dataSource(dataSource(cfg))
          .locations("classpath:db/timeseries")
          .table("ts_schema_history")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    }
  }

  /** A new connection with auto-commit off. */
  public static Connection connect(TimeSeriesConfig cfg) throws SQLException {
    Connection c = JdbcDrivers.connect(cfg.jdbcUrl(), cfg.user(), cfg.password());
    c.setAutoCommit(false);
    return c;
  }

  /** An unpooled data source (the gateway wraps its own pool around the URL instead). */
  public static DataSource dataSource(TimeSeriesConfig cfg) {
    if (cfg.isPostgres()) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(cfg.jdbcUrl());
      if (cfg.user() != null) {
        ds.setUser(cfg.user());
        ds.setPassword(cfg.password());
      }
      return ds;
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(cfg.jdbcUrl());
    ds.setUser(cfg.user() == null ? "" : cfg.user());
    ds.setPassword(cfg.password() == null ? "" : cfg.password());
    return ds;
  }
}
