package io.greentwin.jobs.timeseries;

import java.io.IOException;
import java.sql.SQLException;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 over plain JDBC into the time-series tables: each subtask buffers rows in a {@link
 * TimeSeriesWriter} and commits them with its watermark in one transaction every {@code batchRows}
 * rows, every {@code flushInterval}, at every checkpoint and at the end of input — at least once:
 * after a restore the job replays from its checkpoint, and readers take replayed rows once. Its own
 * sink, not the JDBC connector's {@code JdbcSink} (one statement per record): a commit spans four
 * tables and the writer's progress, and uses {@code COPY} on PostgreSQL; connections, batching and
 * retries are the connector's ({@link TimeSeriesConfig#connectionOptions()}, {@link
 * TimeSeriesConfig#executionOptions()}).
 */
final class TimeSeriesSink implements Sink<TimeSeriesRow> {
  private final TimeSeriesConfig cfg;

  TimeSeriesSink(TimeSeriesConfig cfg) {
    this.cfg = cfg;
  }

  @Override
  public SinkWriter<TimeSeriesRow> createWriter(WriterInitContext ctx) throws IOException {
    try {
      return new Writer(
          cfg,
          TimeSeriesWriter.open(
              cfg,
              ctx.getTaskInfo().getIndexOfThisSubtask(),
              ctx.getTaskInfo().getNumberOfParallelSubtasks()));
    } catch (SQLException e) {
      throw new IOException("cannot open the time-series store " + cfg.redactedUrl(), e);
    }
  }

  private static final class Writer implements SinkWriter<TimeSeriesRow> {
    private final TimeSeriesWriter writer;
    private final int batchRows;
    private final long flushIntervalNanos;
    private long watermarkMs = Long.MIN_VALUE;
    private long firstBufferedNanos;

    Writer(TimeSeriesConfig cfg, TimeSeriesWriter writer) {
      this.writer = writer;
      this.batchRows = cfg.executionOptions().getBatchSize();
      this.flushIntervalNanos = cfg.executionOptions().getBatchIntervalMs() * 1_000_000L;
    }

    @Override
    public void write(TimeSeriesRow row, Context context) throws IOException {
      if (writer.buffered() == 0) {
        firstBufferedNanos = System.nanoTime();
      }
      writer.add(row);
      if (writer.buffered() >= batchRows) {
        commit();
      }
    }

    @Override
    public void writeWatermark(Watermark watermark) throws IOException {
      watermarkMs = watermark.getTimestamp();
      if (writer.buffered() > 0 && System.nanoTime() - firstBufferedNanos >= flushIntervalNanos) {
        commit();
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      commit();
    }

    private void commit() throws IOException {
      try {
        writer.commit(watermarkMs);
      } catch (SQLException e) {
        throw new IOException("cannot write time series: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws Exception {
      writer.close();
    }
  }
}
