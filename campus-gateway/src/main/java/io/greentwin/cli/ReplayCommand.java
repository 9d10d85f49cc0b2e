package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.jobs.deadletter.DeadLetterTable;
import io.greentwin.jobs.source.ReplaySource;
import io.greentwin.jobs.sync.Checkpoints;
import io.greentwin.jobs.sync.FlushTrigger;
import io.greentwin.jobs.sync.TwinSyncConfig;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.twin.DittoSinkConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greentwin replay}: runs the campus job ({@link CampusJobPlan}: twin sync, KPIs, incidents,
 * and with {@code --timeseries} the time series) on an embedded Flink mini-cluster over a recorded
 * JSON-lines file, paced by event time, into a gateway (or a real Eclipse Ditto) over the Ditto
 * Protocol. With {@code --checkpoint-dir} a killed replay resumes from its newest retained
 * checkpoint ({@link Checkpoints}) on the next start.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays recorded readings (JSON lines, docs/SENSOR-FORMAT.md) through the twin sync job into"
          + " the twins of a running gateway, at N simulated seconds per second.",
      "Example: greentwin simulate --duration 1h --speed 0 --out r.jsonl && greentwin replay"
          + " r.jsonl --speed 600 --gateway ws://127.0.0.1:8080"
    })
final class ReplayCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "The JSON-lines file to replay.")
  Path file;

  @Option(
      names = "--speed",
      description =
          "Simulated seconds per wall-clock second; 0 = as fast as possible"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  double speed;

  @Option(
      names = "--gateway",
      description = "Ditto WebSocket endpoint, /ws/2 is appended (default: ${DEFAULT-VALUE}).",
      defaultValue = "ws://127.0.0.1:8080")
  String gateway;

  @Option(
      names = "--user",
      description = "HTTP Basic user (default: ${DEFAULT-VALUE}).",
      defaultValue = "admin")
  String user;

  @Option(
      names = "--password",
      description = "HTTP Basic password (default: ${DEFAULT-VALUE}).",
      defaultValue = "admin")
  String password;

  @Option(
      names = "--config",
      description = "Campus config the readings are validated against (default: ${DEFAULT-VALUE}).",
      defaultValue = "config/campus.yaml")
  Path config;

  @Option(
      names = "--dead-letters",
      description = "JDBC URL of the dead-letter store (default: ${DEFAULT-VALUE}).",
      defaultValue = DeadLetterTable.DEFAULT_URL)
  String deadLetters;

  @Option(
      names = "--timeseries",
      description =
          "JDBC URL of the time-series store to write the readings and KPIs to (the PostgreSQL"
              + " database of a gateway run with --database-url; a gateway's H2 file is held open"
              + " by it); default: none.")
  String timeSeries;

  @Option(
      names = "--interval",
      description = "One merge per twin per this wall-clock interval (default: ${DEFAULT-VALUE}).",
      defaultValue = "1s",
      converter = DurationConverter.class)
  Duration interval;

  @Option(
      names = "--checkpoint-dir",
      description =
          "Retain the job's checkpoints in DIR and, on start, resume from the newest one there"
              + " (after a crash or kill); a finished replay clears DIR. Default: no retained"
              + " checkpoints.")
  Path checkpointDir;

  @Option(
      names = "--checkpoint-interval",
      description = "How often the job checkpoints (default: ${DEFAULT-VALUE}).",
      defaultValue = "10s",
      converter = DurationConverter.class)
  Duration checkpointInterval;

  ReplayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    check(Files.isRegularFile(file), file + ": no such file");
    check(speed >= 0 && !Double.isInfinite(speed), "--speed must be >= 0 but was " + speed);
    check(!interval.isZero() && !interval.isNegative(), "--interval must be positive");
    Campus campus = new CampusLoader().loadCampus(config);
    check(
        !checkpointInterval.isZero() && !checkpointInterval.isNegative(),
        "--checkpoint-interval must be positive");
    long lines = countLines(file);
    PrintWriter err = spec.commandLine().getErr();
    StreamExecutionEnvironment env = environment(err);
    TwinSyncConfig sync =
        TwinSyncConfig.defaults()
            .withCoalesce(interval, FlushTrigger.PROCESSING_TIME)
            .withCheckpointInterval(checkpointInterval);
    new CampusJobPlan(
            campus,
            sync,
            DittoSinkConfig.of(gateway, user, password, deadLetters),
            timeSeries == null ? null : TimeSeriesConfig.of(timeSeries),
            context.clock())
        .define(env, new ReplaySource(file, speed, context.clock()));
    JobClient job = env.executeAsync("greentwin replay " + file.getFileName());
    long replayed = await(job, lines, err);
    if (checkpointDir != null) {
      Checkpoints.clear(checkpointDir);
    }
    err.printf(
        "replayed %d of %d lines of %s into %s; bad ones in %s%n",
        replayed, lines, file, gateway, deadLetters);
    return 0;
  }

  /** A mini-cluster; with {@code --checkpoint-dir}, retaining checkpoints and resuming. */
  private StreamExecutionEnvironment environment(PrintWriter err) {
    if (checkpointDir == null) {
      return StreamExecutionEnvironment.createLocalEnvironment(1);
    }
    Configuration conf = Checkpoints.retainedIn(checkpointDir);
    Checkpoints.resumesFrom(conf)
        .ifPresentOrElse(
            chk -> err.printf("replay: resuming from checkpoint %s%n", chk),
            () ->
                err.printf(
                    "replay: no checkpoint in %s, starting at the beginning%n", checkpointDir));
    return StreamExecutionEnvironment.createLocalEnvironment(1, conf);
  }

  /** Waits for the job, reporting progress every 2 s; returns the lines replayed. */
  private static long await(JobClient job, long lines, PrintWriter err) throws Exception {
    var result = job.getJobExecutionResult();
    while (true) {
      try {
        var done = result.get(2, TimeUnit.SECONDS);
        Object n = done.getAllAccumulatorResults().get(ReplaySource.LINES_ACCUMULATOR);
        return n instanceof Long l ? l : 0;
      } catch (java.util.concurrent.TimeoutException e) {
        Object n = job.getAccumulators().get().get(ReplaySource.LINES_ACCUMULATOR);
        long done = n instanceof Long l ? l : 0;
        err.printf("replay: %d of %d lines (%.0f %%)%n", done, lines, 100.0 * done / lines);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new GreenTwinException(
            ErrorCode.IO_FAILED, "replay failed: " + rootMessage(e), null, e);
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static long countLines(Path file) throws IOException {
    try (Stream<String> s = Files.lines(file)) {
      return Math.max(1, s.count());
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new GreenTwinException(ErrorCode.ARGUMENT_INVALID, message);
    }
  }
}
