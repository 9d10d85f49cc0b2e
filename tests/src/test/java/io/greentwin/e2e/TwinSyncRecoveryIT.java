package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.jobs.deadletter.DeadLetterSink;
import io.greentwin.jobs.source.RawReading;
import io.greentwin.jobs.source.RawSource;
import io.greentwin.jobs.source.SimulatorSource;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.sync.FlushTrigger;
import io.greentwin.jobs.sync.SensorCatalogue;
import io.greentwin.jobs.sync.Sinks;
import io.greentwin.jobs.sync.TwinSyncConfig;
import io.greentwin.jobs.sync.TwinSyncJob;
import io.greentwin.jobs.twin.DittoSinkConfig;
import io.greentwin.jobs.twin.DittoTwinSink;
import io.greentwin.testsupport.SimulatedTruth;
import io.greentwin.testsupport.SmallCampus;
import io.greentwin.testsupport.TwinGateway;
import io.greentwin.testsupport.TwinTimeline;
import io.greentwin.twin.CampusSync;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of the twin sync job on a mini-cluster: a failure injected mid-stream makes Flink
 * restart the job from its last checkpoint, which replays readings the twins already hold newer
 * values of; against the real gateway, no reading is lost and no twin goes back in revision or in
 * observed time.
 */
class TwinSyncRecoveryIT {
  @TempDir Path dir;

  /**
   * Passes raw messages on; once a checkpoint is complete and {@code after} messages have passed,
   * fails the task once (the marker file records that it did, across restarts).
   */
  static final class FailOnce extends RichMapFunction<RawReading, RawReading>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String marker;
    private final long after;
    private transient long seen;
    private transient boolean checkpointed;

    FailOnce(Path marker, long after) {
      this.marker = marker.toString();
      this.after = after;
    }

    @Override
    public void open(OpenContext context) {
      seen = 0;
      checkpointed = false;
    }

    @Override
    public RawReading map(RawReading r) throws Exception {
      if (++seen > after && checkpointed && !Files.exists(Path.of(marker))) {
        try {
          Files.writeString(
              Path.of(marker), "failed after " + seen, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
          return r;
        }
        throw new IllegalStateException("injected failure after " + seen + " messages");
      }
      return r;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }

  @Test
  void aJobRestartedFromItsCheckpointLosesNoReadingAndTakesNoTwinBackInTime() throws Exception {
    Path config = SmallCampus.writeTo(dir);
    Campus campus = new CampusLoader().loadCampus(config);
    // 5 simulated minutes of 10 s ticks at 30×: about 10 s of wall-clock time.
    SimulatorSpec spec =
        SmallCampus.fiveMinutes(config, 23, Instant.parse("2026-06-21T11:00:00Z"), 30);
    SimulatedTruth truth = SimulatedTruth.of(spec, campus);
    Path marker = dir.resolve("failed-once");
    String deadLetters = "jdbc:h2:mem:twin-sync-recovery-it;DB_CLOSE_DELAY=-1";
    try (TwinGateway gateway = TwinGateway.start()) {
      CampusSync.sync(gateway.twins(), campus);
      try (TwinTimeline timeline = TwinTimeline.watch(gateway.twins())) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        SimulatorSource simulator = new SimulatorSource(spec, Clock.systemUTC());
        RawSource failing =
            e ->
                simulator
                    .open(e)
                    .map(new FailOnce(marker, 2 * truth.readingsPerTick()))
                    .name("fail-once")
                    .uid("fail-once")
                    .setParallelism(1);
        new TwinSyncJob(
                TwinSyncConfig.defaults()
                    .withCheckpointInterval(Duration.ofMillis(500))
                    .withCoalesce(Duration.ofMillis(200), FlushTrigger.PROCESSING_TIME),
                SensorCatalogue.of(campus))
            .defineWorkflow(
                env,
                failing,
                Sinks.of(
                    new DittoTwinSink(
                        DittoSinkConfig.of(gateway.endpoint(), "ditto", "ditto", deadLetters),
                        Clock.systemUTC()),
                    new DeadLetterSink(deadLetters)));
        env.execute("twin-sync-recovery-it");

        assertThat(marker)
            .as("the injected failure happened (%d readings per tick)", truth.readingsPerTick())
            .exists();
        assertThat(timeline.wentBack()).isEmpty();
        assertThat(timeline.differencesFrom(truth, gateway.twins())).isEmpty();
        assertThat(truth.values()).hasSizeGreaterThan(100);
      }
    }
  }
}
