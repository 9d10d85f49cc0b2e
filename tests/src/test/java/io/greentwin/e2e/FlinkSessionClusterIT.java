package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.Asset;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.cli.GreenTwinCli;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.testsupport.FlinkSessionCluster;
import io.greentwin.testsupport.SimulatedTruth;
import io.greentwin.testsupport.TwinGateway;
import io.greentwin.testsupport.TwinReadback;
import io.greentwin.twin.CampusSync;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greentwin jobs submit} against a real standalone Flink session cluster (a JobManager and a
 * TaskManager in their own JVMs, from Flink's entry points): the campus job travels in the job jar,
 * runs on the cluster and keeps the gateway's twins in step with the simulated sensors.
 */
class FlinkSessionClusterIT {
  private static final Path REPO = Path.of(System.getProperty("greentwin.repo.dir", ".."));
  private static final Path CONFIG = REPO.resolve("config").resolve("campus.yaml");

  @TempDir Path dir;

  @Test
  void aSubmittedJobRunsOnTheClusterAndChangesTheTwins() throws Exception {
    Campus campus = new CampusLoader().loadCampus(CONFIG);
    Instant start = Instant.parse("2026-06-21T11:00:00Z");
    SimulatorSpec spec =
        SimulatorSpec.fromFiles(
            CONFIG, null, 3, start, Duration.ofMinutes(2), Duration.ofSeconds(30), 0);
    try (TwinGateway gateway = TwinGateway.start();
        FlinkSessionCluster flink = FlinkSessionCluster.start(dir)) {
      CampusSync.sync(gateway.twins(), campus);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          GreenTwinCli.execute(
              new String[] {
                "jobs", "submit",
                "--flink", flink.restUrl(),
                "--job-jar", jobJar().toString(),
                "--gateway", gateway.endpoint(),
                "--jobs-user", "ditto",
                "--jobs-password", "ditto",
                "--config", CONFIG.toString(),
                "--sim-start", start.toString(),
                "--sim-duration", "2m",
                "--sim-interval", "30s",
                "--sim-speed", "0",
                "--seed", "3",
                "--dead-letters", "jdbc:h2:mem:cluster-it;DB_CLOSE_DELAY=-1"
              },
              new PrintWriter(out, true),
              new PrintWriter(err, true));
      assertThat(code).as(err.toString()).isZero();
      String jobId = out.toString().strip();
      assertThat(jobId).matches("[0-9a-f]{32}");

      String state = awaitEnd(flink, jobId, Duration.ofMinutes(3));
      assertThat(state)
          .as(
              "job %s: %s",
              jobId, state.equals("FINISHED") ? "" : flink.get("/jobs/" + jobId + "/exceptions"))
          .isEqualTo("FINISHED");

      Map<String, Map<String, Double>> expected = SimulatedTruth.of(spec, campus).values();
      TwinReadback twins = new TwinReadback(gateway.httpUrl(), "ditto", "ditto");
      int checked = 0;
      for (Asset a : campus.assets()) {
        if (a.kind().points().isEmpty() || checked++ % 97 != 0) {
          continue;
        }
        assertThat(TwinReadback.numericProperties(twins.get(a.id())))
            .as(a.id())
            .isEqualTo(expected.get(a.id()));
      }
      assertThat(checked).isGreaterThan(5_000);
    }
  }

  /** Polls the cluster until the job leaves its running states; returns the final state. */
  private static String awaitEnd(FlinkSessionCluster flink, String jobId, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String state = "";
    while (System.nanoTime() < deadline) {
      String body = flink.get("/jobs/" + jobId);
      var m = java.util.regex.Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(body);
      state = m.find() ? m.group(1) : body;
      if (state.equals("FINISHED") || state.equals("FAILED") || state.equals("CANCELED")) {
        return state;
      }
      Thread.sleep(500);
    }
    return "still " + state + " after " + timeout;
  }

  /** The job jar the stream-jobs module packaged in this build. */
  private static Path jobJar() throws Exception {
    try (Stream<Path> s = Files.list(REPO.resolve("stream-jobs").resolve("target"))) {
      return s.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no job jar: run the package phase first"));
    }
  }
}
