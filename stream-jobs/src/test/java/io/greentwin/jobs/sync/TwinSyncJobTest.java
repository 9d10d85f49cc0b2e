package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.deadletter.DeadLetterSink;
import io.greentwin.jobs.source.RawReading;
import io.greentwin.jobs.source.RawSource;
import io.greentwin.jobs.source.ReplaySource;
import io.greentwin.jobs.source.SimulatorSource;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.testing.CollectingSink;
import io.greentwin.jobs.testing.SimulatedRun;
import io.greentwin.jobs.testing.TestCampus;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole sync workflow on a shared mini-cluster, fed by the real simulator source. */
class TwinSyncJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final Duration LONG = Duration.ofHours(1);

  @TempDir Path dir;

  private final CollectingSink<TwinPatch> twins = new CollectingSink<>();
  private final CollectingSink<DeadLetter> dead = new CollectingSink<>();
  private final CollectingSink<Reading> readings = new CollectingSink<>();

  private void run(RawSource source, TwinSyncConfig config, Sink<DeadLetter> deadLetters)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    Sinks sinks = Sinks.of(twins, deadLetters).withBranch((stream, out) -> stream.sinkTo(readings));
    new TwinSyncJob(config, TestCampus.catalogue()).defineWorkflow(env, source, sinks);
    env.execute("twin-sync-test");
  }

  private void run(SimulatorSpec spec, TwinSyncConfig config) throws Exception {
    run(new SimulatorSource(spec, Clock.systemUTC()), config, dead);
  }

  private static TwinSyncConfig config(Duration interval, FlushTrigger trigger) {
    return TwinSyncConfig.defaults()
        .withCoalesce(interval, trigger)
        .withCheckpointInterval(Duration.ZERO);
  }

  private static long thingsWithSensors() {
    return TestCampus.campus().assets().stream().filter(a -> !a.kind().points().isEmpty()).count();
  }

  @Test
  void sendsOneMergePerThingCarryingTheNewestValueOfEverySensor() throws Exception {
    SimulatorSpec spec = TestCampus.spec(Duration.ofSeconds(90), null);
    run(spec, config(LONG, FlushTrigger.PROCESSING_TIME));

    List<TwinPatch> patches = twins.collected();
    assertThat(patches).hasSize((int) thingsWithSensors());
    assertThat(patches).allSatisfy(p -> assertThat(p.path()).isEqualTo("/"));
    assertThat(patches).noneMatch(TwinPatch::replace);
    Map<String, Map<String, Double>> expected = SimulatedRun.lastValues(spec);
    assertThat(SimulatedRun.merged(patches)).isEqualTo(expected);
    long lastTickMs = TestCampus.START.plusSeconds(60).toEpochMilli();
    assertThat(patches).allSatisfy(p -> assertThat(p.eventTimeMs()).isEqualTo(lastTickMs));
    assertThat(dead.collected()).isEmpty();
    assertThat(readings.collected()).hasSize(3 * TestCampus.sensors());
  }

  @Test
  void eventTimeFlushesSendAtMostOneMergePerThingPerIntervalNeverGoingBack() throws Exception {
    SimulatorSpec spec = TestCampus.spec(Duration.ofSeconds(90), null);
    run(spec, config(TestCampus.INTERVAL, FlushTrigger.EVENT_TIME));

    // How many intervals one merge covers depends on how far the watermark lags the readings.
    Map<String, List<TwinPatch>> byThing =
        twins.collected().stream().collect(Collectors.groupingBy(TwinPatch::thingId));
    assertThat(byThing).hasSize((int) thingsWithSensors());
    assertThat(byThing.values())
        .allSatisfy(
            list -> {
              assertThat(list).hasSizeBetween(1, 3);
              assertThat(list)
                  .extracting(TwinPatch::eventTimeMs)
                  .isSorted()
                  .doesNotHaveDuplicates();
            });
    assertThat(SimulatedRun.merged(twins.collected())).isEqualTo(SimulatedRun.lastValues(spec));
  }

  @Test
  void duplicatesAreDroppedAndLateReadingsNeverTakeATwinBackInTime() throws Exception {
    String faults =
        """
        faults:
          - type: sensor-duplicate
            target: pump-1
            start: 0s
            duration: 2m
          - type: sensor-out-of-order
            target: b1-h1-r01-k01
            start: 60s
            duration: 30s
            delayTicks: 5
        """;
    SimulatorSpec spec = TestCampus.spec(Duration.ofMinutes(2), faults);
    run(spec, config(LONG, FlushTrigger.PROCESSING_TIME));

    // Four ticks; the rack's tick-2 readings arrive last, after tick 3's: the twin keeps tick 3.
    assertThat(SimulatedRun.merged(twins.collected())).isEqualTo(SimulatedRun.lastValues(spec));
    String pump = TestCampus.campus().thingId("pump-1");
    String rack = TestCampus.campus().thingId("b1-h1-r01-k01");
    Map<String, Long> perSensor =
        readings.collected().stream()
            .filter(r -> r.thingId().equals(pump) || r.thingId().equals(rack))
            .collect(Collectors.groupingBy(Reading::sensorKey, Collectors.counting()));
    assertThat(perSensor).hasSize(4 + 5).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(4));
    assertThat(readings.collected()).hasSize(4 * TestCampus.sensors());
    assertThat(dead.collected()).isEmpty();
  }

  @Test
  void everyKindOfMalformedMessageLandsInTheJdbcDeadLetterStoreWithItsReason() throws Exception {
    String url = "jdbc:h2:mem:dead-letters-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    String faults =
        """
        faults:
          - type: malformed-messages
            start: 0s
            duration: 30s
            magnitude: 8
        """;
    SimulatorSpec spec = TestCampus.spec(Duration.ofSeconds(30), faults);
    run(
        new SimulatorSource(spec, Clock.systemUTC()),
        config(LONG, FlushTrigger.PROCESSING_TIME),
        new DeadLetterSink(url));

    List<String[]> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT reason, origin, raw FROM dead_letter ORDER BY id")) {
      while (rs.next()) {
        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    assertThat(rows).hasSize(8).allSatisfy(r -> assertThat(r[1]).isEqualTo("simulator"));
    Map<String, Long> codes =
        rows.stream()
            .collect(Collectors.groupingBy(r -> r[0].split(":")[0], Collectors.counting()));
    assertThat(codes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "malformed", 5L, "unknown-thing", 1L, "unit-mismatch", 1L, "impossible-value", 1L));
    assertThat(rows)
        .anySatisfy(r -> assertThat(r[2]).startsWith("garbage 0"))
        .anySatisfy(r -> assertThat(r[0]).contains("'W' is not the unit of power/powerKw"))
        .anySatisfy(r -> assertThat(r[0]).contains("-400.0 Cel for coolant/supplyTempC"));
    assertThat(readings.collected()).hasSize(TestCampus.sensors());
  }

  @Test
  void handWrittenBadReadingsLandInTheDeadLettersWithTheReason() throws Exception {
    String rack = TestCampus.campus().thingId("b1-h1-r01-k01");
    String hub = TestCampus.campus().plant(io.greentwin.campus.AssetKind.EV_HUB).get(0).id();
    Function<String, String> line =
        rest -> "{\"thingId\":\"" + rack + "\"," + rest + ",\"eventTime\":\"2026-06-21T10:00:00Z\"";
    List<String> bad =
        List.of(
            line.apply("\"feature\":\"power\",\"property\":\"voltageV\",\"value\":1,\"unit\":\"V\"")
                + ",\"seq\":1}",
            line.apply("\"feature\":\"fan\",\"property\":\"speedPct\",\"value\":1,\"unit\":\"%\"")
                + ",\"seq\":1}",
            line.apply(
                    "\"feature\":\"power\",\"property\":\"powerKw\",\"value\":-3,\"unit\":\"kW\"")
                + ",\"seq\":1}",
            line.apply(
                    "\"feature\":\"power\",\"property\":\"powerKw\",\"value\":1e400,\"unit\":\"kW\"")
                + ",\"seq\":1}",
            line.apply("\"feature\":\"power\",\"property\":\"powerKw\",\"value\":1,\"unit\":\"kW\"")
                + ",\"seq\":-1}",
            "{\"thingId\":\""
                + hub
                + "\",\"feature\":\"charging\",\"property\":\"activeSessions\",\"value\":2.5,"
                + "\"unit\":\"{count}\",\"eventTime\":\"2026-06-21T10:00:00Z\",\"seq\":1}",
            "");
    List<RawReading> raws = new ArrayList<>();
    for (int i = 0; i < bad.size(); i++) {
      raws.add(new RawReading(bad.get(i), "test:" + i, 1000 + i));
    }
    RawSource source =
        env -> env.fromData(raws, TypeInformation.of(RawReading.class)).setParallelism(1);
    run(source, config(LONG, FlushTrigger.PROCESSING_TIME), dead);

    Map<String, String> reasons =
        dead.collected().stream().collect(Collectors.toMap(DeadLetter::origin, DeadLetter::reason));
    assertThat(reasons)
        .hasSize(bad.size())
        .hasEntrySatisfying("test:0", r -> assertThat(r).startsWith("unknown-point: a rack has no"))
        .hasEntrySatisfying("test:1", r -> assertThat(r).contains("'fan/speedPct'"))
        .hasEntrySatisfying("test:2", r -> assertThat(r).startsWith("impossible-value: -3.0 kW"))
        .hasEntrySatisfying("test:3", r -> assertThat(r).startsWith("malformed: value must be"))
        .hasEntrySatisfying("test:4", r -> assertThat(r).startsWith("malformed: 'seq'"))
        .hasEntrySatisfying("test:5", r -> assertThat(r).contains("or not whole"))
        .hasEntrySatisfying("test:6", r -> assertThat(r).startsWith("malformed:"));
    assertThat(dead.collected())
        .allSatisfy(d -> assertThat(bad).contains(d.raw()))
        .anySatisfy(d -> assertThat(d.receivedMs()).isEqualTo(1002));
    assertThat(twins.collected()).isEmpty();
  }

  @Test
  void aReplayedRecordingGivesTheTwinsTheSameValues() throws Exception {
    SimulatorSpec spec = TestCampus.spec(Duration.ofSeconds(60), null);
    Path file = dir.resolve("readings.jsonl");
    Files.writeString(file, SimulatedRun.cleanLines(spec));
    run(
        new ReplaySource(file, 0, Clock.systemUTC()),
        config(LONG, FlushTrigger.PROCESSING_TIME),
        dead);

    assertThat(SimulatedRun.merged(twins.collected())).isEqualTo(SimulatedRun.lastValues(spec));
    assertThat(twins.collected()).hasSize((int) thingsWithSensors());
    assertThat(dead.collected()).isEmpty();
  }
}
