package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.cli.GreenTwinCli;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.sync.Checkpoints;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code greentwin replay --checkpoint-dir} for real — a child JVM running the sync job on
 * its embedded mini-cluster, SIGKILLed mid-stream — and starts it again: it resumes from its newest
 * retained checkpoint, and against the real gateway no reading is lost and no twin goes back in
 * revision or in observed time.
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
        List<String> replay = replayCommand(recording, config, gateway, checkpoints);
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
    }
  }

  private static List<String> replayCommand(
      Path recording, Path config, TwinGateway gateway, Path checkpoints) {
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
            "replay", recording.toString(),
            "--speed", "30",
            "--gateway", gateway.endpoint(),
            "--user", "ditto",
            "--password", "ditto",
            "--config", config.toString(),
            "--dead-letters", "jdbc:h2:mem:kill-it",
            "--interval", "200ms",
            "--checkpoint-dir", checkpoints.toString(),
            "--checkpoint-interval", "500ms"));
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
