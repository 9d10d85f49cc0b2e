package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.jobs.deadletter.DeadLetterSink;
import io.greentwin.jobs.source.SimulatorSource;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.sync.Sinks;
import io.greentwin.jobs.sync.SyncStreams;
import io.greentwin.jobs.sync.TwinSyncConfig;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.twin.DittoSinkConfig;
import io.greentwin.store.JournalTwinService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code greentwin bench ingest}: the campus job as {@code greentwin run} embeds it ({@link
 * CampusJobPlan}: simulator → parse → validate → de-dup → coalesced Ditto merges into the real
 * gateway over the durable H2 store, roll-ups into H2), on a local mini-cluster in this JVM.
 *
 * <ul>
 *   <li><b>end to end</b>: the simulator unpaced; after a warm-up, the readings that passed parse,
 *       validation and de-duplication in the measured window. The twin sink acknowledges every
 *       merge and back-pressure reaches the source, so in steady state this is the sustained rate.
 *   <li><b>discarding</b>: the same job (KPI, incident and time-series branches included) with its
 *       twin sink and time-series sink discarding.
 *   <li><b>latency</b>: the simulator paced to a reading rate; for every reading, the wall time its
 *       twin's merge was committed (a {@code TwinService} event, in-process) minus the time its
 *       tick was due by the pacing schedule (so a source falling behind counts against it).
 * </ul>
 */
final class IngestBench {
  private static final Pattern TASK_THREAD = Pattern.compile(" \\(\\d+/\\d+\\)#\\d+$");
  private final Path campusConfig;
  private final Campus campus;
  private final Path workDir;
  private final int parallelism;
  private final Duration interval;
  private final Clock clock = Clock.systemUTC();
  private final Consumer<String> out;

  IngestBench(
      Path campusConfig,
      Campus campus,
      Path workDir,
      int parallelism,
      Duration interval,
      Consumer<String> out) {
    this.campusConfig = campusConfig;
    this.campus = campus;
    this.workDir = workDir;
    this.parallelism = parallelism;
    this.interval = interval;
    this.out = out;
  }

  /**
   * A measured throughput, with the CPU time the whole process spent in the window: unlike the
   * rate, CPU per reading barely moves when other processes share the cores.
   */
  /** Runs the end-to-end and the discarding pipeline; returns {end to end, discarding}. */
  IngestRate[] throughput(double warmupS, double seconds) throws Exception {
    IngestRate e2e = endToEnd(warmupS, seconds);
    out.accept(
        String.format(
            "ingest, end to end: %.0f readings/s (%d readings in %.1f s after %.0f s warm-up,"
                + " parallelism %d; CPU %.2f µs per reading (process), %.2f µs (task threads),"
                + " %.2f cores busy; twin store %.0f events/s, %.1f per commit; %s)",
            e2e.perSecond(),
            e2e.readings(),
            e2e.seconds(),
            warmupS,
            parallelism,
            e2e.cpuMicrosPerReading(),
            e2e.taskCpuMicrosPerReading(),
            e2e.coresBusy(),
            e2e.storeEvents() / e2e.seconds(),
            (double) e2e.storeEvents() / Math.max(1, e2e.storeCommits()),
            load()));
    IngestRate discard = discarding(warmupS, seconds);
    out.accept(
        String.format(
            "ingest, discarding twin and time-series sinks: %.0f readings/s (%d readings in %.1f"
                + " s; CPU %.2f µs per reading (process), %.2f µs (task threads), %.2f cores busy;"
                + " end to end is %.0f %%"
                + " of it, %s)",
            discard.perSecond(),
            discard.readings(),
            discard.seconds(),
            discard.cpuMicrosPerReading(),
            discard.taskCpuMicrosPerReading(),
            discard.coresBusy(),
            100 * e2e.perSecond() / discard.perSecond(),
            load()));
    return new IngestRate[] {e2e, discard};
  }

  private IngestRate endToEnd(double warmupS, double seconds) throws Exception {
    Path dir = Files.createDirectories(workDir.resolve("end-to-end"));
    SimulatorSpec spec = spec(0);
    IngestProbe probe =
        IngestProbe.register("e2e", spec.start().toEpochMilli(), interval.toMillis());
    try (IngestStack stack = new IngestStack(campus, dir, clock)) {
      out.accept("gateway at " + stack.endpoint);
      StreamExecutionEnvironment env = env(dir);
      CampusJobPlan plan = plan(stack, dir);
      SyncStreams streams = plan.define(env, new SimulatorSource(spec, clock), plan.sinks());
      count(streams, probe);
      return measure(env, probe, warmupS, seconds, stack.twins);
    } finally {
      probe.unregister();
    }
  }

  private IngestRate discarding(double warmupS, double seconds) throws Exception {
    Path dir = Files.createDirectories(workDir.resolve("discarding"));
    SimulatorSpec spec = spec(0);
    IngestProbe probe =
        IngestProbe.register("discard", spec.start().toEpochMilli(), interval.toMillis());
    try {
      StreamExecutionEnvironment env = env(dir);
      // the very job of the end-to-end run, KPI and incident branches included, with its twin
      // and time-series sinks discarding
      CampusJobPlan plan =
          new CampusJobPlan(campus, syncConfig(), null, TimeSeriesConfig.h2(dir), clock);
      SyncStreams streams =
          plan.define(
              env,
              new SimulatorSource(spec, clock),
              plan.discardingSinks(new DeadLetterSink(JobOptions.h2DeadLetters(dir))));
      count(streams, probe);
      return measure(env, probe, warmupS, seconds, null);
    } finally {
      probe.unregister();
    }
  }

  /** Sensor-to-twin latency with the simulator paced to {@code readingsPerS}. */
  IngestLatency.Result latency(double readingsPerS, double warmupS, double seconds)
      throws Exception {
    Path dir = Files.createDirectories(workDir.resolve("latency"));
    int perTick = spec(0).simulator(campus).readingsPerTick();
    double speed = readingsPerS * interval.toMillis() / 1000.0 / perTick;
    SimulatorSpec spec = spec(speed);
    IngestProbe probe =
        IngestProbe.register("latency", spec.start().toEpochMilli(), interval.toMillis());
    IngestLatency latency = new IngestLatency(probe, spec.start().toEpochMilli(), interval, speed);
    try (IngestStack stack = new IngestStack(campus, dir, clock);
        AutoCloseable sub = stack.twins.subscribe(latency::committed)) {
      StreamExecutionEnvironment env = env(dir);
      CampusJobPlan plan = plan(stack, dir);
      Sinks real = plan.sinks();
      Sinks sinks =
          new Sinks(
              new IngestProbe.RecordingSink(real.twins(), probe.id),
              real.deadLetters(),
              real.branches());
      count(
          plan.define(env, IngestProbe.anchored(new SimulatorSource(spec, clock), probe.id), sinks),
          probe);
      latency.window((long) (warmupS * 1000), (long) (seconds * 1000));
      JobClient job = env.executeAsync("bench ingest: latency");
      try {
        Thread.sleep((long) ((warmupS + seconds) * 1000) + 5_000);
      } finally {
        EmbeddedJobs.cancelAndAwait(job);
      }
      IngestLatency.Result r = latency.result(perTick);
      String p99 =
          r.committed() >= 0.99 * r.due()
              ? r.p99Ms() + " ms"
              : "over 5000 ms (more than 1 % of the readings due were not committed 5 s after"
                  + " the window)";
      out.accept(
          String.format(
              "ingest, sensor-to-twin latency at %.0f readings/s (speed %.2f, %d readings per"
                  + " tick): p99 %s; p50 %d ms, max %d ms over %d readings committed of %d due in"
                  + " %.0f s (%s)",
              readingsPerS,
              speed,
              perTick,
              p99,
              r.p50Ms(),
              r.maxMs(),
              r.committed(),
              r.due(),
              seconds,
              load()));
      return r;
    } finally {
      probe.unregister();
    }
  }

  private IngestRate measure(
      StreamExecutionEnvironment env,
      IngestProbe probe,
      double warmupS,
      double s,
      JournalTwinService store)
      throws Exception {
    JobClient job = env.executeAsync("bench ingest: " + probe.id);
    try {
      Thread.sleep((long) (warmupS * 1000));
      long c0 = probe.readings.sum();
      long events0 = store == null ? 0 : store.committedEvents();
      long commits0 = store == null ? 0 : store.commits();
      long cpu0 = CpuClock.processNanos();
      Map<Long, Long> tasks0 = taskThreadCpuNanos();
      long t0 = System.nanoTime();
      Thread.sleep((long) (s * 1000));
      long c1 = probe.readings.sum();
      long cpu1 = CpuClock.processNanos();
      long taskCpu = 0;
      for (Map.Entry<Long, Long> t : taskThreadCpuNanos().entrySet()) {
        taskCpu += t.getValue() - tasks0.getOrDefault(t.getKey(), 0L);
      }
      return new IngestRate(
          c1 - c0,
          (System.nanoTime() - t0) / 1e9,
          cpu1 - cpu0,
          taskCpu,
          store == null ? 0 : store.committedEvents() - events0,
          store == null ? 0 : store.commits() - commits0);
    } finally {
      EmbeddedJobs.cancelAndAwait(job);
    }
  }

  /** CPU time by thread id of Flink's task threads, named {@code <operators> (i/n)#attempt}. */
  private static Map<Long, Long> taskThreadCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && TASK_THREAD.matcher(t.getThreadName()).find()) {
        cpu.put(t.getThreadId(), threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return cpu;
  }

  private static void count(SyncStreams streams, IngestProbe probe) {
    streams.readings().sinkTo(new IngestProbe.CountingSink(probe.id)).name("bench: count readings");
  }

  private StreamExecutionEnvironment env(Path dir) throws java.io.IOException {
    return StreamExecutionEnvironment.createLocalEnvironment(
        parallelism, EmbeddedJobs.miniCluster(EmbeddedJobs.checkpointDir(dir)));
  }

  private CampusJobPlan plan(IngestStack stack, Path dir) {
    DittoSinkConfig sink =
        DittoSinkConfig.of(stack.endpoint, "admin", "admin", JobOptions.h2DeadLetters(dir));
    return new CampusJobPlan(campus, syncConfig(), sink, stack.timeSeries, clock);
  }

  private TwinSyncConfig syncConfig() {
    return TwinSyncConfig.defaults().withParallelism(parallelism);
  }

  private SimulatorSpec spec(double speed) {
    Instant start = JobOptions.alignedStart(clock, interval);
    return SimulatorSpec.fromFiles(campusConfig, null, 1, start, null, interval, speed);
  }

  static String load() {
    return String.format(
        "load average %.1f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
