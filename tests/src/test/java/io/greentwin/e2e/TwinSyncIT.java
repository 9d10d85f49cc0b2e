package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentwin.campus.Asset;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.cli.GreenTwinCli;
import io.greentwin.jobs.deadletter.DeadLetterSink;
import io.greentwin.jobs.source.SimulatorSource;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.sync.SensorCatalogue;
import io.greentwin.jobs.sync.Sinks;
import io.greentwin.jobs.sync.TwinSyncConfig;
import io.greentwin.jobs.sync.TwinSyncJob;
import io.greentwin.jobs.twin.DittoSinkConfig;
import io.greentwin.jobs.twin.DittoTwinSink;
import io.greentwin.sim.JsonLinesSink;
import io.greentwin.testsupport.SimulatedTruth;
import io.greentwin.testsupport.TwinGateway;
import io.greentwin.testsupport.TwinReadback;
import io.greentwin.twin.CampusSync;
import io.greentwin.twin.TwinWrite;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

/**
 * The twin sync job end to end: the real simulator source on a Flink mini-cluster, the Ditto
 * Protocol sink over WebSocket into the real gateway, the twins read back over HTTP.
 */
class TwinSyncIT {
  private static final Path CONFIG =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theJobKeepsEveryCampusTwinInStepWithTheSimulatedSensors() throws Exception {
    Campus campus = new CampusLoader().loadCampus(CONFIG);
    SimulatorSpec spec =
        SimulatorSpec.fromFiles(
            CONFIG,
            null,
            11,
            Instant.parse("2026-06-21T11:00:00Z"),
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            0);
    String deadLetters = "jdbc:h2:mem:twin-sync-it;DB_CLOSE_DELAY=-1";
    try (TwinGateway gateway = TwinGateway.start()) {
      CampusSync.sync(gateway.twins(), campus);
      // One twin the job knows is missing from the twin service: its merges are refused.
      ThingId missing = ThingId.of(campus.thingId("b1-h1-r01-k01"));
      gateway.twins().write(TwinWrite.delete(missing, JsonPointer.empty(), "test")).get();
      Map<String, Long> revisionsBefore = revisions(gateway, campus);

      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
      new TwinSyncJob(
              TwinSyncConfig.defaults().withCheckpointInterval(Duration.ofSeconds(1)),
              SensorCatalogue.of(campus))
          .defineWorkflow(
              env,
              new SimulatorSource(spec, Clock.systemUTC()),
              Sinks.of(
                  new DittoTwinSink(
                      DittoSinkConfig.of(gateway.endpoint(), "ditto", "ditto", deadLetters),
                      Clock.systemUTC()),
                  new DeadLetterSink(deadLetters)));
      env.execute("twin-sync-it");

      Map<String, Map<String, Double>> expected = SimulatedTruth.of(spec, campus).values();
      TwinReadback twins = new TwinReadback(gateway.httpUrl(), "ditto", "ditto");
      int checked = 0;
      for (Asset a : campus.assets()) {
        if (a.kind().points().isEmpty() || a.id().equals(missing.toString())) {
          continue;
        }
        JsonNode thing = twins.get(a.id());
        assertThat(TwinReadback.numericProperties(thing))
            .as(a.id())
            .isEqualTo(expected.get(a.id()));
        assertThat(thing.get("_revision").asLong())
            .as(a.id())
            .isGreaterThan(revisionsBefore.get(a.id()));
        checked++;
      }
      assertThat(checked).isGreaterThan(5_000);
      assertThat(deadLetterReasons(deadLetters))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r).startsWith("twin-rejected: 404"));
    }
  }

  @Test
  void greentwinReplaySendsARecordedFileToTheTwins() throws Exception {
    Campus campus = new CampusLoader().loadCampus(CONFIG);
    SimulatorSpec spec =
        SimulatorSpec.fromFiles(
            CONFIG,
            null,
            5,
            Instant.parse("2026-01-10T08:00:00Z"),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            0);
    Path file = Files.createTempFile("replay-", ".jsonl");
    try (TwinGateway gateway = TwinGateway.start();
        OutputStream out = Files.newOutputStream(file)) {
      spec.simulator(campus).runAll(new JsonLinesSink(out));
      CampusSync.sync(gateway.twins(), campus);
      StringWriter err = new StringWriter();
      int code =
          GreenTwinCli.execute(
              new String[] {
                "replay", file.toString(), "--speed", "0", "--gateway", gateway.endpoint(),
                "--user", "ditto", "--password", "ditto", "--config", CONFIG.toString(),
                "--dead-letters", "jdbc:h2:mem:replay-it;DB_CLOSE_DELAY=-1"
              },
              new PrintWriter(new StringWriter(), true),
              new PrintWriter(err, true));
      assertThat(code).as(err.toString()).isZero();
      assertThat(err.toString()).contains("replayed 17862 of 17862 lines");
      String rack = campus.thingId("b2-h2-r03-k04");
      JsonNode thing = new TwinReadback(gateway.httpUrl(), "ditto", "ditto").get(rack);
      assertThat(TwinReadback.numericProperties(thing))
          .isEqualTo(SimulatedTruth.of(spec, campus).values().get(rack));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Map<String, Long> revisions(TwinGateway gateway, Campus campus) {
    Map<String, Long> out = new HashMap<>();
    for (Asset a : campus.assets()) {
      gateway
          .twins()
          .get(ThingId.of(a.id()))
          .flatMap(t -> t.getRevision())
          .ifPresent(r -> out.put(a.id(), r.toLong()));
    }
    return out;
  }

  private static List<String> deadLetterReasons(String url) throws Exception {
    List<String> reasons = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT reason FROM dead_letter")) {
      while (rs.next()) {
        reasons.add(rs.getString(1));
      }
    }
    return reasons;
  }
}
