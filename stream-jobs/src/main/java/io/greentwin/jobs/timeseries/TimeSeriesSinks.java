package io.greentwin.jobs.timeseries;

import io.greentwin.sim.Reading;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The time-series branch of a job: readings (with event-time watermarks) keyed by series, rolled up
 * in event time ({@link TimeSeriesFunction}) and written to the time-series tables ({@link
 * TimeSeriesSink}).
 */
public final class TimeSeriesSinks {
  /**
   * uid of the keyed roll-up operator (its state survives restarts under this id). Keyed by thing
   * since 2026-12-05; the operator keyed by series was {@code timeseries-rollup}, and a savepoint
   * from before restores only with non-restored state allowed (its open buckets are then lost).
   */
  public static final String ROLLUP_UID = "timeseries-rollup-by-thing";

  /** uid of the JDBC sink. */
  public static final String SINK_UID = "timeseries-sink";

  private TimeSeriesSinks() {}

  /**
   * Stores the readings' time series; returns the readings that came too late for their buckets
   * (behind the watermark by more than the allowed lateness), for a dead-letter sink.
   */
  public static DataStream<Reading> attach(DataStream<Reading> readings, TimeSeriesConfig cfg) {
    return attach(readings, cfg.allowedLateness(), new TimeSeriesSink(cfg), "time series: JDBC");
  }

  /** {@link #attach(DataStream, TimeSeriesConfig)} with the rows going to any sink. */
  static DataStream<Reading> attach(
      DataStream<Reading> readings,
      Duration allowedLateness,
      Sink<TimeSeriesRow> sink,
      String sinkName) {
    SingleOutputStreamOperator<TimeSeriesRow> rows = rows(readings, allowedLateness);
    rows.sinkTo(sink).uid(SINK_UID).name(sinkName);
    return rows.getSideOutput(TimeSeriesFunction.TOO_LATE);
  }

  /** The rows for the time-series tables, without a sink (benchmarks compare sinks with it). */
  public static SingleOutputStreamOperator<TimeSeriesRow> rows(
      DataStream<Reading> readings, Duration allowedLateness) {
    return readings
        .keyBy(new ThingKey(), Types.INT)
        .process(
            new TimeSeriesFunction(allowedLateness.toMillis()),
            TypeInformation.of(TimeSeriesRow.class))
        .uid(ROLLUP_UID)
        .name("time series: blocks and roll-ups");
  }

  /** The too-late readings of {@link #rows}. */
  public static DataStream<Reading> tooLate(SingleOutputStreamOperator<TimeSeriesRow> rows) {
    return rows.getSideOutput(TimeSeriesFunction.TOO_LATE);
  }

  /** A reading's thing (its id's hash: things that collide share a state entry, series apart). */
  private static final class ThingKey implements KeySelector<Reading, Integer> {
    @Override
    public Integer getKey(Reading r) {
      return r.thingId().hashCode();
    }
  }
}
