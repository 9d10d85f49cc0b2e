package io.greentwin.cli;

import picocli.CommandLine.Command;

/** {@code greentwin bench}: benchmarks that print their figures (docs/BENCHMARKS.md). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks; each prints its figure as 'N readings/s' (docs/BENCHMARKS.md).")
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "simulator",
      mixinStandardHelpOptions = true,
      description = "Readings generated and serialised per second by the simulator on one core.")
  int simulator(
      @picocli.CommandLine.Option(
              names = "--seconds",
              defaultValue = "10",
              description = "Measured seconds after warm-up (default: ${DEFAULT-VALUE}).")
          double seconds,
      @picocli.CommandLine.Option(
              names = "--warmup",
              defaultValue = "3",
              description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
          double warmup,
      @picocli.CommandLine.Option(
              names = "--config",
              defaultValue = "config/campus.yaml",
              description = "Campus config (default: ${DEFAULT-VALUE}).")
          java.nio.file.Path config) {
    SimulatorBench.Result r = new SimulatorBench(config).run(warmup, seconds);
    spec.commandLine()
        .getOut()
        .printf(
            "simulator: %.0f readings/s (%d readings, %.1f MB of JSON in %.2f s, one thread,"
                + " %d sensors)%n",
            r.readingsPerSecond(), r.readings(), r.bytes() / 1e6, r.seconds(), r.sensors());
    spec.commandLine().getOut().flush();
    return 0;
  }

  @Command(
      name = "store",
      mixinStandardHelpOptions = true,
      description = "Durable twin-store figures: updates/s, historical read p99, restart time.")
  int store(
      @picocli.CommandLine.Option(
              names = "--data-dir",
              defaultValue = "target/bench-store",
              description =
                  "Where the H2 store is written (default: ${DEFAULT-VALUE}); emptied first.")
          java.nio.file.Path dir,
      @picocli.CommandLine.Option(names = "--twins", defaultValue = "5000") int twins,
      @picocli.CommandLine.Option(names = "--seconds", defaultValue = "10") double seconds,
      @picocli.CommandLine.Option(
              names = "--hot-events",
              defaultValue = "1000000",
              description = "Events written to one twin before the historical reads.")
          long hot,
      @picocli.CommandLine.Option(
              names = "--database-url",
              description = "Benchmark a PostgreSQL store (an empty database) instead of H2.")
          String databaseUrl)
      throws Exception {
    deleteRecursively(dir);
    new StoreBench(dir, databaseUrl, printer()).run(twins, seconds, hot);
    return 0;
  }

  @Command(
      name = "timeseries",
      mixinStandardHelpOptions = true,
      description =
          "Readings/s through the time-series path (roll-ups, raw blocks) into a discarding"
              + " sink, an H2 file and optionally PostgreSQL, on a local Flink mini-cluster.")
  int timeseries(
      @picocli.CommandLine.Option(names = "--readings", defaultValue = "10000000") long readings,
      @picocli.CommandLine.Option(names = "--series", defaultValue = "17862") int series,
      @picocli.CommandLine.Option(names = "--interval-s", defaultValue = "10") long intervalS,
      @picocli.CommandLine.Option(names = "--parallelism", defaultValue = "1") int parallelism,
      @picocli.CommandLine.Option(
              names = "--data-dir",
              defaultValue = "target/bench-timeseries",
              description =
                  "Where the H2 file is written (default: ${DEFAULT-VALUE}); emptied first.")
          java.nio.file.Path dir,
      @picocli.CommandLine.Option(
              names = "--database-url",
              description = "Also write to this PostgreSQL database (an empty one).")
          String databaseUrl)
      throws Exception {
    deleteRecursively(dir);
    new io.greentwin.jobs.timeseries.TimeSeriesBench(
            java.nio.file.Files.createDirectories(dir), printer())
        .run(readings, series, intervalS * 1000, parallelism, databaseUrl);
    return 0;
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description =
          "The campus job as 'greentwin run' embeds it (simulator, parse, validate, de-dup,"
              + " coalesced Ditto merges into the gateway over the durable H2 store, roll-ups into"
              + " H2): sustained end-to-end readings/s, the same with discarding sinks, and the"
              + " sensor-to-twin latency at a paced rate.")
  int ingest(
      @picocli.CommandLine.Option(names = "--config", defaultValue = "config/campus.yaml")
          java.nio.file.Path config,
      @picocli.CommandLine.Option(
              names = "--warmup",
              defaultValue = "60",
              description =
                  "Seconds each run goes before its window (default: ${DEFAULT-VALUE}): the JIT"
                      + " is still compiling the gateway, store and job ~40 s in, at ~half a core.")
          double warmup,
      @picocli.CommandLine.Option(names = "--seconds", defaultValue = "30") double seconds,
      @picocli.CommandLine.Option(
              names = "--sim-interval",
              defaultValue = "10s",
              converter = DurationConverter.class)
          java.time.Duration interval,
      @picocli.CommandLine.Option(names = "--parallelism", defaultValue = "1") int parallelism,
      @picocli.CommandLine.Option(
              names = "--latency-rate",
              defaultValue = "100000",
              description = "Readings/s of the paced latency run; 0 skips it.")
          double latencyRate,
      @picocli.CommandLine.Option(
              names = "--skip-throughput",
              description = "Only the latency run.")
          boolean skipThroughput,
      @picocli.CommandLine.Option(
              names = "--data-dir",
              defaultValue = "target/bench-ingest",
              description = "Where the H2 stores are written (default: ${DEFAULT-VALUE}); emptied.")
          java.nio.file.Path dir)
      throws Exception {
    deleteRecursively(dir);
    IngestBench bench =
        new IngestBench(
            config,
            new io.greentwin.campus.CampusLoader().loadCampus(config),
            java.nio.file.Files.createDirectories(dir),
            parallelism,
            interval,
            printer());
    if (!skipThroughput) {
      bench.throughput(warmup, seconds);
    }
    if (latencyRate > 0) {
      bench.latency(latencyRate, warmup, seconds);
    }
    return 0;
  }

  private static void deleteRecursively(java.nio.file.Path dir) throws java.io.IOException {
    if (java.nio.file.Files.exists(dir)) {
      try (var paths = java.nio.file.Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Prints a benchmark's line at once (progress on a terminal, figures in a pipe). */
  private java.util.function.Consumer<String> printer() {
    return line -> {
      spec.commandLine().getOut().println(line);
      spec.commandLine().getOut().flush();
    };
  }
}
