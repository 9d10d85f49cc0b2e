package io.greentwin.jobs.timeseries;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.sync.BranchOutputs;
import io.greentwin.jobs.sync.ReadingBranch;
import io.greentwin.jobs.sync.ReadingText;
import io.greentwin.sim.Reading;
import java.time.Duration;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The time-series store as a branch of the sync job: every validated reading goes into the raw
 * blocks and roll-ups ({@link TimeSeriesSinks}); readings too late for their closed buckets become
 * dead letters ({@code too-late}), never silently lost.
 */
public final class TimeSeriesBranch implements ReadingBranch {
  private final Duration allowedLateness;
  private final Sink<TimeSeriesRow> sink;
  private final String sinkName;

  /** Into the time-series tables of {@code config}. */
  public TimeSeriesBranch(TimeSeriesConfig config) {
    this(config.allowedLateness(), new TimeSeriesSink(config), "time series: JDBC");
  }

  private TimeSeriesBranch(Duration allowedLateness, Sink<TimeSeriesRow> sink, String sinkName) {
    this.allowedLateness = allowedLateness;
    this.sink = sink;
    this.sinkName = sinkName;
  }

  /**
   * The same blocks and roll-ups as {@code config}'s, thrown away instead of stored: the baseline
   * that benchmarks hold the real store against.
   */
  public static TimeSeriesBranch discarding(TimeSeriesConfig config) {
    return new TimeSeriesBranch(
        config.allowedLateness(), new DiscardingSink<>(), "time series: discard");
  }

  @Override
  public void attach(DataStream<Reading> readings, BranchOutputs outputs) {
    outputs.deadLetters(
        TimeSeriesSinks.attach(readings, allowedLateness, sink, sinkName)
            .map(new TooLate())
            .name("timeseries-too-late")
            .returns(DeadLetter.class));
  }

  /** A reading behind its closed buckets as a dead letter. */
  static final class TooLate implements MapFunction<Reading, DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public DeadLetter map(Reading r) {
      return new DeadLetter(
          ReadingText.json(r),
          "too-late: behind the time-series buckets already closed (allowed lateness passed)",
          "timeseries",
          System.currentTimeMillis());
    }
  }
}
