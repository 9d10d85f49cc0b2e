package io.greentwin.cli;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.jobs.deadletter.DeadLetterTable;
import io.greentwin.jobs.source.RawSource;
import io.greentwin.jobs.source.ReplaySource;
import io.greentwin.jobs.source.SimulatorSource;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.source.mqtt.MqttSource;
import io.greentwin.jobs.sync.FlushTrigger;
import io.greentwin.jobs.sync.TwinSyncConfig;
import io.greentwin.jobs.twin.DittoSinkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * The options of the campus stream job, shared by every command that starts it ({@code run} embeds
 * it, {@code jobs submit} sends it to a Flink cluster): where readings come from, where twins and
 * dead letters go, and how it runs. Defaults live here, once.
 */
final class JobOptions {
  enum SourceKind {
    simulator,
    replay,
    mqtt
  }

  @Option(
      names = "--source",
      defaultValue = "simulator",
      description =
          "Where readings come from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SourceKind source;

  @Option(
      names = "--mqtt-url",
      defaultValue = "tcp://127.0.0.1:1883",
      description = "Sensor bus for --source mqtt (default: ${DEFAULT-VALUE}).")
  String mqttUrl;

  @Option(
      names = "--mqtt-topic",
      defaultValue = "greentwin/readings/#",
      description = "Topic filter for --source mqtt (default: ${DEFAULT-VALUE}).")
  String mqttTopic;

  @Option(names = "--replay-file", description = "JSON-lines readings for --source replay.")
  Path replayFile;

  @Option(
      names = "--sim-interval",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Simulated sampling interval of every sensor (default: ${DEFAULT-VALUE}).")
  Duration simInterval;

  @Option(
      names = "--sim-speed",
      defaultValue = "1",
      description =
          "Simulated (or replayed) seconds per second; 0 = as fast as possible"
              + " (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(
      names = "--sim-duration",
      converter = DurationConverter.class,
      description = "Simulated time to run; unbounded when absent.")
  Duration simDuration;

  @Option(
      names = "--sim-start",
      description = "Simulated start (ISO-8601); default: now, aligned to the interval.")
  Instant simStart;

  @Option(names = "--seed", defaultValue = "1", description = "Simulator seed.")
  long seed;

  @Option(names = "--faults", description = "Simulator fault file (docs/SENSOR-FORMAT.md).")
  Path faults;

  @Option(
      names = "--jobs-user",
      defaultValue = "admin",
      description = "Gateway user the job writes twins as (default: ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--jobs-password",
      description =
          "Password of --jobs-user (default: $GREENTWIN_JOBS_PASSWORD, else the demo password).")
  String password;

  @Option(
      names = "--dead-letters",
      description =
          "JDBC URL of the dead-letter store (default: an H2 file dead-letters in the data"
              + " directory, else "
              + DeadLetterTable.DEFAULT_URL
              + ").")
  String deadLetters;

  @Option(
      names = "--merge-interval",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "One merge per twin per this interval (default: ${DEFAULT-VALUE}).")
  Duration mergeInterval;

  @Option(
      names = "--parallelism",
      defaultValue = "1",
      description = "Parallelism of the job's operators (default: ${DEFAULT-VALUE}).")
  int parallelism;

  /** The source these options name. */
  RawSource rawSource(Path campusConfig, Clock clock) {
    return switch (source) {
      case replay -> {
        if (replayFile == null || !Files.isRegularFile(replayFile)) {
          throw argument("--source replay needs --replay-file FILE; got " + replayFile);
        }
        yield new ReplaySource(replayFile, speed, clock);
      }
      case simulator -> new SimulatorSource(simulatorSpec(campusConfig, clock), clock);
      case mqtt ->
          RawSource.of(
              MqttSource.builder()
                  .brokerUrl(mqttUrl)
                  .topicFilter(mqttTopic)
                  .clientIdPrefix("greentwin-campus-job")
                  .clock(clock)
                  .build(),
              "mqtt");
    };
  }

  SimulatorSpec simulatorSpec(Path campusConfig, Clock clock) {
    Instant start = simStart != null ? simStart : alignedStart(clock, simInterval);
    return SimulatorSpec.fromFiles(
        campusConfig, faults, seed, start, simDuration, simInterval, speed);
  }

  TwinSyncConfig syncConfig() {
    if (parallelism < 1) {
      throw argument("--parallelism must be >= 1 but was " + parallelism);
    }
    TwinSyncConfig sync =
        TwinSyncConfig.defaults()
            .withCoalesce(mergeInterval, FlushTrigger.PROCESSING_TIME)
            .withParallelism(parallelism);
    // MQTT messages are acknowledged to the broker only when a checkpoint completes, and the
    // broker sends at most one receive window per checkpoint (docs/ARCHITECTURE.md, MQTT source).
    return source == SourceKind.mqtt ? sync.withCheckpointInterval(Duration.ofSeconds(1)) : sync;
  }

  /** The dead-letter store: the one given, else an H2 file in {@code dataDir} (or the default). */
  String deadLettersUrl(Path dataDir) {
    if (deadLetters != null) {
      return deadLetters;
    }
    return dataDir == null ? DeadLetterTable.DEFAULT_URL : h2DeadLetters(dataDir);
  }

  /** The dead-letter store as an H2 file {@code dead-letters} in {@code dataDir}. */
  static String h2DeadLetters(Path dataDir) {
    return "jdbc:h2:" + dataDir.toAbsolutePath().resolve("dead-letters") + ";AUTO_SERVER=TRUE";
  }

  /** The simulator's default start: now, aligned down to the sampling interval. */
  static Instant alignedStart(Clock clock, Duration interval) {
    long step = interval.toMillis();
    return Instant.ofEpochMilli(clock.millis() / step * step);
  }

  /** The twin sink towards a gateway (or Eclipse Ditto) WebSocket endpoint. */
  DittoSinkConfig sink(String endpoint, Path dataDir) {
    String pw = password;
    if (pw == null) {
      String env = System.getenv("GREENTWIN_JOBS_PASSWORD");
      pw = env != null ? env : user;
    }
    return DittoSinkConfig.of(endpoint, user, pw, deadLettersUrl(dataDir));
  }

  private static GreenTwinException argument(String message) {
    return new GreenTwinException(ErrorCode.ARGUMENT_INVALID, message);
  }
}
