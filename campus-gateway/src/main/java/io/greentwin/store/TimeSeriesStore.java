package io.greentwin.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.timeseries.TimeSeriesDatabase;
import io.greentwin.jobs.timeseries.TimeSeriesReader;

/**
 * The gateway's side of the time-series store the stream jobs write: the schema brought up to date,
 * a small connection pool, and the reader the time-series endpoint uses.
 */
public final class TimeSeriesStore implements AutoCloseable {
  private final HikariDataSource pool;
  private final TimeSeriesReader reader;

  private TimeSeriesStore(HikariDataSource pool) {
    this.pool = pool;
    this.reader = new TimeSeriesReader(pool);
  }

  public static TimeSeriesStore open(TimeSeriesConfig cfg) {
    try {
      TimeSeriesDatabase.migrate(cfg);
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl(cfg.jdbcUrl());
      c.setUsername(cfg.user());
      c.setPassword(cfg.password());
      c.setMaximumPoolSize(4);
      c.setReadOnly(true);
      c.setPoolName("greentwin-timeseries");
      return new TimeSeriesStore(new HikariDataSource(c));
    } catch (RuntimeException e) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_INVALID,
          "cannot open the time-series store " + cfg.redactedUrl() + ": " + e.getMessage(),
          "time-series store unavailable",
          e);
    }
  }

  public TimeSeriesReader reader() {
    return reader;
  }

  @Override
  public void close() {
    pool.close();
  }
}
