package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.deadletter.DeadLetterSink;
import io.greentwin.jobs.incident.IncidentConfig;
import io.greentwin.jobs.incident.IncidentJob;
import io.greentwin.jobs.kpi.KpiConfig;
import io.greentwin.jobs.kpi.KpiJob;
import io.greentwin.jobs.kpi.KpiStreams;
import io.greentwin.jobs.source.RawSource;
import io.greentwin.jobs.sync.SensorCatalogue;
import io.greentwin.jobs.sync.Sinks;
import io.greentwin.jobs.sync.SyncStreams;
import io.greentwin.jobs.sync.TwinSyncConfig;
import io.greentwin.jobs.sync.TwinSyncJob;
import io.greentwin.jobs.timeseries.TimeSeriesBranch;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.twin.DittoSinkConfig;
import io.greentwin.jobs.twin.DittoTwinSink;
import io.greentwin.jobs.twin.TwinPatch;
import java.time.Clock;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The campus stream job as every deployable runs it — embedded in {@code greentwin run}, submitted
 * to a Flink cluster by {@code greentwin jobs submit}: the twin sync job with its branches, writing
 * twins over the Ditto Protocol and bad input to the dead-letter store. One place, so the embedded
 * and the clustered job are the same job.
 */
final class CampusJobPlan {
  static final String JOB_NAME = "greentwin campus";

  private final Campus campus;
  private final TwinSyncConfig sync;
  private final DittoSinkConfig sink;
  private final TimeSeriesConfig timeSeries;
  private final Clock clock;

  /** {@code timeSeries} null: no time-series store. */
  CampusJobPlan(
      Campus campus,
      TwinSyncConfig sync,
      DittoSinkConfig sink,
      TimeSeriesConfig timeSeries,
      Clock clock) {
    this.campus = campus;
    this.sync = sync;
    this.sink = sink;
    this.timeSeries = timeSeries;
    this.clock = clock;
  }

  /** Defines the job in {@code env}, reading from {@code source}. */
  SyncStreams define(StreamExecutionEnvironment env, RawSource source) {
    return define(env, source, sinks());
  }

  /**
   * The job's sinks: the Ditto twin sink, the dead-letter store, and the branches on the validated
   * readings: KPIs and incidents (their twin patches join the sync job's), the time series of the
   * readings and of the KPIs.
   */
  Sinks sinks() {
    return sinks(
        new DittoTwinSink(sink, clock),
        new DeadLetterSink(sink.deadLetterJdbcUrl()),
        timeSeries == null ? null : new TimeSeriesBranch(timeSeries));
  }

  /**
   * The same job with its twin and time-series sinks discarding what they get (dead letters are
   * still stored): every operator of {@link #sinks()} runs, nothing reaches a twin or a table. The
   * ingest benchmark's baseline.
   */
  Sinks discardingSinks(Sink<DeadLetter> deadLetters) {
    return sinks(
        new DiscardingSink<>(),
        deadLetters,
        timeSeries == null ? null : TimeSeriesBranch.discarding(timeSeries));
  }

  private Sinks sinks(
      Sink<TwinPatch> twins, Sink<DeadLetter> deadLetters, TimeSeriesBranch timeSeriesBranch) {
    return Sinks.of(twins, deadLetters)
        .withBranch(
            (readings, outputs) -> {
              KpiStreams kpis = KpiJob.attach(readings, campus, KpiConfig.of(campus));
              outputs.twinPatches(kpis.patches());
              outputs.twinPatches(
                  IncidentJob.attach(readings, campus, IncidentConfig.of(campus)).patches());
              if (timeSeriesBranch != null) {
                // the KPIs are stored beside the raw readings, by the same roll-up operator
                timeSeriesBranch.attach(readings.union(kpis.readings()), outputs);
              }
            });
  }

  /** Defines the job writing to {@code sinks} (the benchmark wraps the twin sink to observe it). */
  SyncStreams define(StreamExecutionEnvironment env, RawSource source, Sinks sinks) {
    return new TwinSyncJob(sync, SensorCatalogue.of(campus)).defineWorkflow(env, source, sinks);
  }
}
