package io.greentwin.jobs.sync;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.source.RawSource;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The twin sync job: raw messages → parse and validate against the campus (bad input to the dead
 * letters) → event-time watermarks → de-duplication by sensor and sequence number and the latest
 * state per thing (keyed by thing, one operator) → one coalesced Ditto merge per thing per interval
 * → the twin sink. The validated readings also feed the {@link ReadingBranch}es (roll-ups, KPIs,
 * incidents), whose twin patches and dead letters join the job's own.
 */
public final class TwinSyncJob {
  public static final String PARSE_UID = "sync-parse-validate";
  public static final String WATERMARKS_UID = "sync-watermarks";

  /**
   * De-duplication and coalescing, one operator with one {@link SensorTable} per thing. Its state
   * replaces that of the former operators {@code sync-dedup} and {@code sync-coalesce}: a savepoint
   * taken before restores only with non-restored state allowed (the windows and latest values then
   * start empty; the merges' {@code observedAt} conditions still keep twins from going back).
   */
  public static final String DEDUP_COALESCE_UID = "sync-dedup-coalesce";

  public static final String TWIN_SINK_UID = "twin-sink";
  public static final String DEAD_LETTER_SINK_UID = "dead-letter-sink";

  private final TwinSyncConfig config;
  private final SensorCatalogue catalogue;

  public TwinSyncJob(TwinSyncConfig config, SensorCatalogue catalogue) {
    this.config = config;
    this.catalogue = catalogue;
  }

  /** Builds the job into {@code env} (and configures it: no generic types, checkpoints). */
  public SyncStreams defineWorkflow(StreamExecutionEnvironment env, RawSource source, Sinks sinks) {
    configure(env);
    SingleOutputStreamOperator<Reading> parsed =
        parallel(
            source
                .open(env)
                .process(new ParseFunction(catalogue), ReadingSerializer.TYPE)
                .name("parse-validate")
                .uid(PARSE_UID));
    SingleOutputStreamOperator<Reading> timed =
        parallel(
            parsed
                .assignTimestampsAndWatermarks(
                    Watermarks.forReadings(config.maxOutOfOrderness(), config.idleness()))
                .name("watermarks")
                .uid(WATERMARKS_UID));
    SingleOutputStreamOperator<Reading> readings =
        parallel(
            timed
                .keyBy(new ThingKey(), Types.STRING)
                .process(
                    new DedupCoalesceFunction(
                        catalogue, config.coalesceInterval(), config.flushTrigger()),
                    ReadingSerializer.TYPE)
                .name("dedup-coalesce")
                .uid(DEDUP_COALESCE_UID));
    DataStream<TwinPatch> merges = readings.getSideOutput(DedupCoalesceFunction.MERGES);

    BranchOutputs outputs = new BranchOutputs();
    for (ReadingBranch branch : sinks.branches()) {
      branch.attach(readings, outputs);
    }
    DataStream<TwinPatch> patches = union(merges, outputs.twinPatches());
    List<DataStream<DeadLetter>> dead = new ArrayList<>(outputs.deadLetters());
    dead.add(readings.getSideOutput(ParseFunction.DEAD_LETTERS));
    DataStream<DeadLetter> deadLetters =
        union(parsed.getSideOutput(ParseFunction.DEAD_LETTERS), dead);

    patches.sinkTo(sinks.twins()).name("twin-sink").uid(TWIN_SINK_UID);
    deadLetters.sinkTo(sinks.deadLetters()).name("dead-letter-sink").uid(DEAD_LETTER_SINK_UID);
    return new SyncStreams(readings, patches, deadLetters);
  }

  /**
   * No generic types (Kryo); object reuse: chained operators hand records on without a copy, which
   * is safe because every record type on the job's streams is an immutable record and no function
   * changes what it receives.
   */
  private void configure(StreamExecutionEnvironment env) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(PipelineOptions.OBJECT_REUSE, true);
    env.configure(conf);
    if (!config.checkpointInterval().isZero()) {
      env.enableCheckpointing(config.checkpointInterval().toMillis());
    }
  }

  private <T> SingleOutputStreamOperator<T> parallel(SingleOutputStreamOperator<T> op) {
    return config.parallelism() > 0 ? op.setParallelism(config.parallelism()) : op;
  }

  @SuppressWarnings("unchecked")
  private static <T> DataStream<T> union(DataStream<T> first, List<DataStream<T>> more) {
    return more.isEmpty() ? first : first.union(more.toArray(new DataStream[0]));
  }

  /** Readings keyed by thing, for de-duplication and coalescing. */
  static final class ThingKey implements KeySelector<Reading, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Reading r) {
      return r.thingId();
    }
  }
}
