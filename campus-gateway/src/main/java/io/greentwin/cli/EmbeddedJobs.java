package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.jobs.sync.Checkpoints;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campus stream job inside {@code greentwin run}: a Flink mini-cluster in the same JVM running
 * the same {@link CampusJobPlan} that {@code greentwin jobs submit} sends to a cluster, writing to
 * this process's gateway over the Ditto Protocol on loopback.
 */
final class EmbeddedJobs {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedJobs.class);

  enum Mode {
    embedded,
    none
  }

  private final Mode mode;
  private final JobOptions options;
  private final Path campusConfig;
  private final Clock clock;
  private JobClient job;
  private volatile boolean stopping;

  EmbeddedJobs(Mode mode, JobOptions options, Path campusConfig, Clock clock) {
    this.mode = mode;
    this.options = options;
    this.campusConfig = campusConfig;
    this.clock = clock;
  }

  /**
   * Checked before anything starts: with configured users the job needs a password to write with
   * (the demo password only exists on a demo gateway).
   */
  void checkCredentials(boolean demoUsers) {
    if (mode == Mode.embedded
        && !demoUsers
        && options.password == null
        && System.getenv("GREENTWIN_JOBS_PASSWORD") == null) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "the embedded job writes twins as user '"
              + options.user
              + "': give its password with --jobs-password or GREENTWIN_JOBS_PASSWORD,"
              + " or run with --jobs none");
    }
  }

  /** Starts the job against the gateway at {@code endpoint}; returns a line for the banner. */
  String start(Campus campus, String endpoint, Path dataDir, TimeSeriesConfig timeSeries)
      throws Exception {
    if (mode == Mode.none) {
      return "none (--jobs none)";
    }
    Path checkpoints = checkpointsFor(dataDir);
    Configuration conf = checkpointing(checkpoints);
    Optional<Path> resumed = Checkpoints.resumesFrom(conf);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(options.parallelism, conf);
    new CampusJobPlan(
            campus, options.syncConfig(), options.sink(endpoint, dataDir), timeSeries, clock)
        .define(env, options.rawSource(campusConfig, clock));
    job = env.executeAsync(CampusJobPlan.JOB_NAME);
    job.getJobExecutionResult()
        .whenComplete(
            (r, e) -> {
              if (e != null && !stopping) {
                LOG.error("the embedded campus job stopped", e);
              } else if (e != null) {
                LOG.info("the embedded campus job was cancelled (shutdown)");
              } else if (options.source != JobOptions.SourceKind.mqtt) {
                clearQuietly(checkpoints); // a finished bounded input: nothing left to resume
              }
            });
    return String.format(
        "twin sync from the %s (%s) on an embedded Flink mini-cluster; bad readings in %s%s",
        switch (options.source) {
          case simulator -> "simulated sensors";
          case replay -> "replay of " + options.replayFile;
          case mqtt -> "sensor bus " + options.mqttUrl + " (" + options.mqttTopic + ")";
        },
        pace(),
        options.deadLettersUrl(dataDir),
        resumed.map(chk -> "; resumed from checkpoint " + chk).orElse(""));
  }

  /** How the source is paced, for the banner. */
  private String pace() {
    String speed = options.speed == 0 ? "unpaced" : fmt(options.speed) + "× real time";
    return switch (options.source) {
      case simulator ->
          "every "
              + options.simInterval.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
              + ", "
              + speed;
      case replay -> speed;
      case mqtt -> "as the sensors publish, QoS 1";
    };
  }

  /**
   * The mini-cluster's configuration, checkpointing into {@code dir}. Sources whose position must
   * survive a crash (the sensor bus: readings acknowledged to the broker live only in the job's
   * state until they are stored; a replay's file position) retain their checkpoints and resume from
   * the newest one; the other checkpoints of older runs are removed, so the directory holds at most
   * the one resumed from and the running job's. The simulator starts afresh at the current time
   * (resuming it would replay the time it was down), so its old checkpoints are removed.
   */
  Configuration checkpointing(Path dir) throws java.io.IOException {
    if (options.source == JobOptions.SourceKind.simulator) {
      Checkpoints.clear(dir);
      return miniCluster(dir);
    }
    Configuration retained = Checkpoints.retainedIn(dir);
    Optional<Path> resume = Checkpoints.resumesFrom(retained);
    Checkpoints.pruneExcept(dir, resume.map(Path::getParent));
    Configuration c = miniCluster(dir);
    c.addAll(retained);
    return c;
  }

  private static void clearQuietly(Path dir) {
    try {
      Checkpoints.clear(dir);
    } catch (java.io.IOException e) {
      LOG.warn("could not remove the finished job's checkpoints in {}", dir, e);
    }
  }

  void stop() {
    if (job != null) {
      stopping = true;
      try {
        cancelAndAwait(job);
      } catch (Exception e) {
        LOG.warn("the embedded campus job did not cancel cleanly", e);
      }
    }
  }

  /**
   * Cancels {@code job} and waits (at most 30 s) until it has terminated, its sinks closed: only
   * then may the gateway they write to stop. Stopped first, the gateway closes the twin sink's
   * socket under a live Ditto client, which then schedules a reconnect on an executor that its own
   * shutdown terminates a moment later (a {@code RejectedExecutionException} on stderr).
   */
  static void cancelAndAwait(JobClient job) throws Exception {
    job.cancel().get(30, TimeUnit.SECONDS);
    try {
      job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException cancelled) {
      // the expected end of a cancelled job
    }
  }

  /**
   * A small mini-cluster: the demo campus runs everything within a 1 GiB heap. Checkpoints go to
   * files in {@code checkpointDir}: the job's state (the time-series blocks of 17,862 series) is
   * larger than the 5 MB the default in-memory checkpoint storage allows, and a failed checkpoint
   * fails the job.
   */
  static Configuration miniCluster(Path checkpointDir) {
    Configuration c = new Configuration();
    c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
    c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("16m"));
    c.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
    c.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
    c.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    return c;
  }

  /**
   * The job's checkpoints: one directory per source under the data's (a sensor-bus checkpoint must
   * not be restored into a replay), or a temporary directory when the store is PostgreSQL.
   */
  Path checkpointsFor(Path dataDir) throws java.io.IOException {
    if (dataDir == null) {
      return checkpointDir(null);
    }
    String source =
        switch (options.source) {
          case simulator, mqtt -> options.source.name();
          case replay ->
              "replay-"
                  + options.replayFile.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        };
    return checkpointDir(dataDir).resolve(source);
  }

  /** Checkpoints beside the data, or in a temporary directory when the store is PostgreSQL. */
  static Path checkpointDir(Path dataDir) throws java.io.IOException {
    return dataDir != null
        ? dataDir.toAbsolutePath().resolve("checkpoints")
        : java.nio.file.Files.createTempDirectory("greentwin-checkpoints");
  }

  private static String fmt(double speed) {
    return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
  }
}
