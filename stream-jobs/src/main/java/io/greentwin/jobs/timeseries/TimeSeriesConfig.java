package io.greentwin.jobs.timeseries;

import io.greentwin.jobs.jdbc.JdbcDrivers;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;

/**
 * Where and how the time series are stored. Defaults live here, in {@link #of}.
 *
 * @param jdbcUrl an H2 ({@code jdbc:h2:}) or PostgreSQL ({@code jdbc:postgresql:}) URL
 * @param user database user, or null when the URL carries it
 * @param password database password, or null
 * @param allowedLateness how far behind the watermark a reading may still arrive and correct its
 *     buckets (default 1 min); older readings go to the too-late side output
 * @param rawRetention how long raw blocks are kept, in event time behind the newest flushed bucket
 *     (default 1 day); null keeps them forever
 * @param minuteRetention the same for 1-min roll-ups (default 3 days)
 * @param quarterHourRetention the same for 15-min roll-ups (default 35 days)
 * @param hourRetention the same for 1-h roll-ups (default null: forever)
 * @param batchRows a sink writer commits once it holds this many rows (default 20,000), and at
 *     every checkpoint
 * @param flushInterval ... or once its oldest buffered row is this old (default 1 s)
 */
public record TimeSeriesConfig(
    String jdbcUrl,
    String user,
    String password,
    Duration allowedLateness,
    Duration rawRetention,
    Duration minuteRetention,
    Duration quarterHourRetention,
    Duration hourRetention,
    int batchRows,
    Duration flushInterval)
    implements Serializable {

  public TimeSeriesConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(allowedLateness, "allowedLateness");
    Objects.requireNonNull(flushInterval, "flushInterval");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "time-series store: jdbcUrl must be an H2 or PostgreSQL JDBC URL but was " + jdbcUrl);
    }
    if (allowedLateness.isNegative()) {
      throw new IllegalArgumentException("time-series store: allowedLateness must be >= 0");
    }
    if (batchRows < 1) {
      throw new IllegalArgumentException("time-series store: batchRows must be >= 1");
    }
  }

  /** The defaults for a database URL. */
  public static TimeSeriesConfig of(String jdbcUrl) {
    return new TimeSeriesConfig(
        jdbcUrl,
        null,
        null,
        Duration.ofMinutes(1),
        Duration.ofDays(1),
        Duration.ofDays(3),
        Duration.ofDays(35),
        null,
        20_000,
        Duration.ofSeconds(1));
  }

  /** The default store: the H2 file {@code timeseries.mv.db} in {@code dataDir}. */
  public static TimeSeriesConfig h2(Path dataDir) {
    return of("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("timeseries"));
  }

  /** Where the Flink JDBC connector's connection provider connects. */
  public JdbcConnectionOptions connectionOptions() {
    JdbcConnectionOptions.JdbcConnectionOptionsBuilder b =
        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
            .withUrl(jdbcUrl)
            .withDriverName(JdbcDrivers.driverClass(jdbcUrl))
            // how long a validity check may wait before a retry reconnects (connector default 60)
            .withConnectionCheckTimeoutSeconds(5);
    if (user != null) {
      b.withUsername(user).withPassword(password == null ? "" : password);
    }
    return b.build();
  }

  /**
   * The writers' batching in the JDBC connector's terms: {@code batchRows}, {@code flushInterval}
   * and the connector's default of 3 retries of a failed commit.
   */
  public JdbcExecutionOptions executionOptions() {
    return JdbcExecutionOptions.builder()
        .withBatchSize(batchRows)
        .withBatchIntervalMs(flushInterval.toMillis())
        .withMaxRetries(JdbcExecutionOptions.DEFAULT_MAX_RETRY_TIMES)
        .build();
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  public TimeSeriesConfig withAllowedLateness(Duration d) {
    return new TimeSeriesConfig(
        jdbcUrl,
        user,
        password,
        d,
        rawRetention,
        minuteRetention,
        quarterHourRetention,
        hourRetention,
        batchRows,
        flushInterval);
  }

  public TimeSeriesConfig withBatchRows(int rows) {
    return new TimeSeriesConfig(
        jdbcUrl,
        user,
        password,
        allowedLateness,
        rawRetention,
        minuteRetention,
        quarterHourRetention,
        hourRetention,
        rows,
        flushInterval);
  }

  /** The retention of a roll-up level, or null for forever. */
  public Duration retention(Rollup level) {
    return switch (level) {
      case MINUTE -> minuteRetention;
      case QUARTER_HOUR -> quarterHourRetention;
      case HOUR -> hourRetention;
    };
  }

  /** The URL without a password, for messages. */
  public String redactedUrl() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
