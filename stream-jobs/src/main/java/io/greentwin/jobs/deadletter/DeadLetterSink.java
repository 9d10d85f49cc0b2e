package io.greentwin.jobs.deadletter;

import io.greentwin.jobs.jdbc.JdbcDrivers;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The dead-letter store as a Sink V2: the JDBC connector's {@link JdbcSink} (at least once,
 * batched) into {@code dead_letter}, H2 by default or PostgreSQL by URL; the table is created when
 * a writer starts and finds it absent.
 */
public final class DeadLetterSink implements Sink<DeadLetter> {
  private static final long serialVersionUID = 1L;

  private final String jdbcUrl;
  private final JdbcSink<DeadLetter> jdbc;

  public DeadLetterSink(String jdbcUrl, int batchSize, Duration batchInterval) {
    this.jdbcUrl = jdbcUrl;
    this.jdbc =
        JdbcSink.<DeadLetter>builder()
            .withQueryStatement(DeadLetterTable.INSERT, DeadLetterTable::bind)
            .withExecutionOptions(
                JdbcExecutionOptions.builder()
                    .withBatchSize(batchSize)
                    .withBatchIntervalMs(batchInterval.toMillis())
                    .withMaxRetries(3)
                    .build())
            .buildAtLeastOnce(
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                    .withUrl(jdbcUrl)
                    .withDriverName(JdbcDrivers.driverClass(jdbcUrl))
                    .build());
  }

  /** Batches of 1,000 rows or every second, whichever first. */
  public DeadLetterSink(String jdbcUrl) {
    this(jdbcUrl, 1000, Duration.ofSeconds(1));
  }

  @Override
  public SinkWriter<DeadLetter> createWriter(WriterInitContext context) throws IOException {
    try {
      DeadLetterTable.createIfAbsent(jdbcUrl);
    } catch (SQLException e) {
      throw new IOException("cannot create table dead_letter at " + jdbcUrl, e);
    }
    return jdbc.createWriter(context);
  }
}
