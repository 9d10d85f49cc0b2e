package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.jobs.deadletter.DeadLetterSink;
import io.greentwin.jobs.source.SimulatorSource;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.sync.TwinSyncConfig;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.twin.DittoSinkConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest benchmark holds the real job against "the same pipeline with a discarding sink": the
 * discarding job must run every operator of the real one, branches included, and differ only in
 * where the twin patches and the time-series rows go.
 */
class CampusJobPlanTest {
  private static final Path CONFIG_DIR =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "config");

  @TempDir Path dir;

  @Test
  void discardingJobRunsEveryOperatorOfTheRealJobAndDiffersOnlyInItsTwoSinks() {
    Campus campus = new CampusLoader().loadCampus(CONFIG_DIR.resolve("campus.yaml"));
    Clock clock = Clock.systemUTC();
    CampusJobPlan plan =
        new CampusJobPlan(
            campus,
            TwinSyncConfig.defaults(),
            DittoSinkConfig.of("ws://127.0.0.1:1/ws/2", "admin", "admin", h2(dir, "real")),
            TimeSeriesConfig.h2(dir),
            clock);

    List<StreamNode> real = nodes(env -> plan.define(env, source(clock), plan.sinks()));
    List<StreamNode> discarding =
        nodes(
            env ->
                plan.define(
                    env, source(clock), plan.discardingSinks(new DeadLetterSink(h2(dir, "d")))));

    assertThat(uids(discarding)).isEqualTo(uids(real));
    assertThat(names(real)).contains("twin-sink: Writer", "time series: JDBC: Writer");
    assertThat(names(discarding))
        .contains("twin-sink: Writer", "time series: discard: Writer")
        .doesNotContain("time series: JDBC: Writer");
    // KPI and incident operators are in both (the old baseline ran neither)
    assertThat(uids(discarding)).contains("kpi-energy", "incident-sensor-checks");
    assertThat(without(names(discarding), "time series: discard: Writer"))
        .containsExactlyInAnyOrderElementsOf(without(names(real), "time series: JDBC: Writer"));
  }

  private SimulatorSource source(Clock clock) {
    SimulatorSpec spec =
        SimulatorSpec.fromFiles(
            CONFIG_DIR.resolve("campus.yaml"),
            null,
            1,
            Instant.parse("2026-06-21T00:00:00Z"),
            null,
            Duration.ofSeconds(10),
            0);
    return new SimulatorSource(spec, clock);
  }

  private static List<StreamNode> nodes(Function<StreamExecutionEnvironment, ?> define) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    define.apply(env);
    return List.copyOf(env.getStreamGraph().getStreamNodes());
  }

  private static List<String> uids(List<StreamNode> nodes) {
    return nodes.stream()
        .map(StreamNode::getTransformationUID)
        .filter(u -> u != null)
        .sorted()
        .toList();
  }

  private static List<String> names(List<StreamNode> nodes) {
    return nodes.stream().map(StreamNode::getOperatorName).toList();
  }

  private static List<String> without(List<String> names, String name) {
    return names.stream().filter(n -> !n.equals(name)).toList();
  }

  private static String h2(Path dir, String name) {
    return JobOptions.h2DeadLetters(dir.resolve(name));
  }
}
