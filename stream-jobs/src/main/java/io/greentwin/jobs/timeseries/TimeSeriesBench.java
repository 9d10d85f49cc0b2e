package io.greentwin.jobs.timeseries;

import io.greentwin.sim.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Readings per second through the time-series path — generated readings, keyed by series, rolled up
 * in event time, written as raw blocks and roll-ups — into a discarding sink, an H2 file and (given
 * a URL) PostgreSQL, one after another in the same JVM on a local Flink mini-cluster. Each figure
 * is readings over wall time from job submission to the last commit.
 *
 * <p>{@code java ... io.greentwin.jobs.timeseries.TimeSeriesBench [readings=20000000]
 * [series=17862] [intervalS=10] [parallelism=1] [postgres=jdbc:postgresql://...]}
 */
public final class TimeSeriesBench {
  private final Consumer<String> out;
  private final Path workDir;

  public TimeSeriesBench(Path workDir, Consumer<String> out) {
    this.workDir = workDir;
    this.out = out;
  }

  /** One measured run. */
  public record Result(String sink, long readings, double seconds, long rawRows) {
    public double readingsPerSecond() {
      return readings / seconds;
    }
  }

  /**
   * Runs a warm-up, then the discarding, H2 and (when {@code postgresUrl} is set) PostgreSQL runs.
   */
  public List<Result> run(
      long readings, int series, long intervalMs, int parallelism, String postgresUrl)
      throws Exception {
    List<Result> results = new ArrayList<>();
    once("warm-up", null, Math.min(readings, 2_000_000), series, intervalMs, parallelism);
    results.add(once("discard", null, readings, series, intervalMs, parallelism));
    Path h2 = Files.createDirectories(workDir.resolve("h2-" + System.nanoTime()));
    results.add(
        once("h2 file", TimeSeriesConfig.h2(h2), readings, series, intervalMs, parallelism));
    if (postgresUrl != null) {
      TimeSeriesConfig pg = TimeSeriesConfig.of(postgresUrl);
      results.add(once("postgresql", pg, readings, series, intervalMs, parallelism));
    }
    return results;
  }

  private Result once(
      String name, TimeSeriesConfig cfg, long n, int series, long intervalMs, int parallelism)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    DataStream<Reading> readings =
        env.fromSource(
            new DataGeneratorSource<>(
                new BenchReadings(series, intervalMs), n, TypeInformation.of(Reading.class)),
            WatermarkStrategy.<Reading>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                .withTimestampAssigner((r, ts) -> r.eventTime().toEpochMilli()),
            "bench readings");
    if (cfg == null) {
      TimeSeriesSinks.rows(readings, Duration.ofMinutes(1)).sinkTo(new DiscardingSink<>());
    } else {
      TimeSeriesSinks.attach(readings, cfg);
    }
    long start = System.nanoTime();
    env.execute("time-series bench: " + name);
    double seconds = (System.nanoTime() - start) / 1e9;
    Result r = new Result(name, n, seconds, cfg == null ? 0 : rawSamples(cfg));
    out.accept(
        String.format(
            "time series, %s: %.0f readings/s (%d readings in %.2f s, %d series, parallelism %d%s)",
            name,
            r.readingsPerSecond(),
            n,
            seconds,
            series,
            parallelism,
            cfg == null ? "" : ", " + r.rawRows() + " raw samples stored"));
    return r;
  }

  private static long rawSamples(TimeSeriesConfig cfg) throws Exception {
    try (Connection c = TimeSeriesDatabase.connect(cfg);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(sample_count), 0) FROM ts_raw")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static void main(String[] args) throws Exception {
    long readings = 20_000_000;
    int series = 17_862;
    long intervalS = 10;
    int parallelism = 1;
    String postgres = null;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "readings" -> readings = Long.parseLong(kv[1]);
        case "series" -> series = Integer.parseInt(kv[1]);
        case "intervalS" -> intervalS = Long.parseLong(kv[1]);
        case "parallelism" -> parallelism = Integer.parseInt(kv[1]);
        case "postgres" -> postgres = kv[1];
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    Path dir = Files.createTempDirectory("greentwin-ts-bench");
    new TimeSeriesBench(dir, System.out::println)
        .run(readings, series, intervalS * 1000, parallelism, postgres);
  }
}
