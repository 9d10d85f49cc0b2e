package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.cli.GreenTwinCli;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.sync.Checkpoints;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.timeseries.TimeSeriesDatabase;
import io.greentwin.jobs.timeseries.TimeSeriesReader;
import io.greentwin.sim.JsonLinesSink;
import io.greentwin.testsupport.SimulatedTruth;
import io.greentwin.testsupport.SmallCampus;
import io.greentwin.testsupport.TwinGateway;
import io.greentwin.testsupport.TwinTimeline;
import io.greentwin.twin.CampusSync;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code greentwin replay --checkpoint-dir} for real — a child JVM running the sync job on
 * its embedded mini-cluster, SIGKILLed mid-stream — and starts it again: it resumes from its newest
 * retained checkpoint, and against the real gateway no reading is lost and no twin goes back in
 * revision or in observed time; the time-series store then holds every reading of the recording
 * exactly once, though the second run replayed those after the checkpoint a second time.
 */
class TwinSyncKillIT {
  private static final Duration CHILD_LIMIT = Duration.ofMinutes(5);

  @TempDir Path dir;

  @Test
  void aKilledReplayResumesFromItsNewestCheckpointLosingNothingAndGoingNowhereBack()
      throws Exception {
    Path config = SmallCampus.writeTo(dir);
    Campus campus = new CampusLoader().loadCampus(config);
    // 5 simulated minutes of 10 s ticks, replayed at 30×: about 10 s of wall-clock time.
    SimulatorSpec spec =
        SmallCampus.fiveMinutes(config, 31, Instant.parse("2026-06-21T12:00:00Z"), 0);
    Path recording = dir.resolve("readings.jsonl");
    try (OutputStream out = Files.newOutputStream(recording)) {
      spec.simulator(campus).runAll(new JsonLinesSink(out));
    }
    SimulatedTruth truth = SimulatedTruth.of(spec, campus);
    Path checkpoints = dir.resolve("checkpoints");

    try (TwinGateway gateway = TwinGateway.start()) {
      CampusSync.sync(gateway.twins(), campus);
      try (TwinTimeline timeline = TwinTimeline.watch(gateway.twins())) {
        List<String> replay =
            replayCommand(recording, config, gateway, checkpoints, timeSeries(), deadLetters());
        Process first = start(replay, dir.resolve("first.log"));
        long deadline = System.nanoTime() + CHILD_LIMIT.toNanos();
        while (Checkpoints.latestRetained(checkpoints).isEmpty() || timeline.events() == 0) {
          assertThat(first.isAlive()).as(log("first.log")).isTrue();
          assertThat(System.nanoTime()).as("a checkpoint in time").isLessThan(deadline);
          Thread.sleep(100);
        }
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no cancellation
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        long eventsBeforeKill = timeline.events();
        assertThat(timeline.differencesFrom(truth, gateway.twins()))
            .as("the kill came mid-stream")
            .isNotEmpty();

        Process second = start(replay, dir.resolve("second.log"));
        assertThat(second.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(log("second.log")).isZero();
        assertThat(Files.readString(dir.resolve("second.log")))
            .contains("replay: resuming from checkpoint " + checkpoints.toAbsolutePath());

        assertThat(timeline.events()).isGreaterThan(eventsBeforeKill);
        assertThat(timeline.wentBack()).isEmpty();
        assertThat(timeline.differencesFrom(truth, gateway.twins())).isEmpty();
        assertThat(Checkpoints.latestRetained(checkpoints)).as("cleared when done").isEmpty();
      }
      assertThat(deadLettersByReason()).as("dead letters").isEmpty();
      assertEveryReadingStoredOnce(recording);
    }
  }

  /** Both runs' dead letters, in an H2 file the test reads afterwards. */
  private String deadLetters() {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("dead-letters");
  }

  /** The dead letters of both runs, by reason. */
  private Map<String, Integer> deadLettersByReason() throws Exception {
    Map<String, Integer> out = new HashMap<>();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(deadLetters());
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery("SELECT reason, COUNT(*) FROM dead_letter GROUP BY reason")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  private TimeSeriesConfig timeSeries() {
    return TimeSeriesConfig.h2(dir);
  }

  /**
   * Reads every series of the recording back sample by sample (1 ms steps over raw blocks): each
   * reading is there once, with its value, and nothing else is.
   */
  private void assertEveryReadingStoredOnce(Path recording) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<List<String>, Map<Long, Double>> expected = new HashMap<>();
    long fromMs = Long.MAX_VALUE;
    long toMs = Long.MIN_VALUE;
    for (String line : Files.readAllLines(recording)) {
      JsonNode r = json.readTree(line);
      long t = Instant.parse(r.get("eventTime").asText()).toEpochMilli();
      expected
          .computeIfAbsent(
              List.of(
                  r.get("thingId").asText(), r.get("feature").asText(), r.get("property").asText()),
              k -> new HashMap<>())
          .put(t, r.get("value").asDouble());
      fromMs = Math.min(fromMs, t);
      toMs = Math.max(toMs, t + 1);
    }
    TimeSeriesReader reader = new TimeSeriesReader(TimeSeriesDatabase.dataSource(timeSeries()));
    long readings = 0;
    for (var e : expected.entrySet()) {
      List<String> k = e.getKey();
      List<TimeSeriesReader.Point> points =
          reader.read(k.get(0), k.get(1), k.get(2), fromMs, toMs, 1).orElseThrow();
      Map<Long, Double> stored = new HashMap<>();
      for (TimeSeriesReader.Point p : points) {
        assertThat(p.aggregate().count()).as("%s at %d stored once", k, p.startMs()).isEqualTo(1);
        stored.put(p.startMs(), p.aggregate().last());
      }
      assertThat(stored).as("the samples of %s", k).isEqualTo(e.getValue());
      readings += stored.size();
    }
    assertThat(readings).as("readings in the recording").isGreaterThan(1_000);
  }

  private static List<String> replayCommand(
      Path recording,
      Path config,
      TwinGateway gateway,
      Path checkpoints,
      TimeSeriesConfig timeSeries,
      String deadLetters) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
        cmd.add(arg); // Flink's module flags (PLATFORM-NOTES.md)
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GreenTwinCli.class.getName()));
    cmd.addAll(
        List.of(
            "replay",
            recording.toString(),
            "--speed",
            "30",
            "--gateway",
            gateway.endpoint(),
            "--user",
            "ditto",
            "--password",
            "ditto",
            "--config",
            config.toString(),
            "--dead-letters",
            deadLetters,
            "--timeseries",
            timeSeries.jdbcUrl(),
            "--interval",
            "200ms",
            "--checkpoint-dir",
            checkpoints.toString(),
            "--checkpoint-interval",
            "500ms"));
    return cmd;
  }

  private static Process start(List<String> cmd, Path log) throws Exception {
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The end of a child's log, for failure messages. */
  private String log(String name) throws Exception {
    Path p = dir.resolve(name);
    if (!Files.exists(p)) {
      return "";
    }
    String text = Files.readString(p);
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }
}
