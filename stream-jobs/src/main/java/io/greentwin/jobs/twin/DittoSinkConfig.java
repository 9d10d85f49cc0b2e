package io.greentwin.jobs.twin;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the twin sink sends patches.
 *
 * @param endpoint the Ditto WebSocket endpoint without the path, e.g. {@code ws://127.0.0.1:8080};
 *     the client connects to {@code <endpoint>/ws/2}
 * @param username HTTP Basic user
 * @param password HTTP Basic password
 * @param maxInFlight most patches sent and not yet acknowledged, per sink subtask; more blocks the
 *     writer (back-pressure)
 * @param requestTimeout how long one attempt waits for its acknowledgement
 * @param maxAttempts attempts per patch on transient failures (timeouts, lost connection, 408, 429,
 *     5xx) before the writer fails the job, which restarts from its last checkpoint
 * @param initialBackoff wait before the first retry, doubled per retry
 * @param maxBackoff the longest wait between retries
 * @param deadLetterJdbcUrl where patches the twin service rejects (4xx) go, table {@code
 *     dead_letter}
 */
public record DittoSinkConfig(
    String endpoint,
    String username,
    String password,
    int maxInFlight,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    String deadLetterJdbcUrl)
    implements Serializable {

  public DittoSinkConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(deadLetterJdbcUrl, "deadLetterJdbcUrl");
    if (maxInFlight < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("maxInFlight and maxAttempts must be >= 1");
    }
  }

  /**
   * Defaults: 1,000 in flight, 10 s per attempt, 8 attempts with backoff from 100 ms doubling to 5
   * s (about 15 s of retrying in all).
   */
  public static DittoSinkConfig of(
      String endpoint, String username, String password, String deadLetterJdbcUrl) {
    return new DittoSinkConfig(
        endpoint,
        username,
        password,
        1000,
        Duration.ofSeconds(10),
        8,
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        deadLetterJdbcUrl);
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  Duration backoff(int attempt) {
    long ms = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }
}
