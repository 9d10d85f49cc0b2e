package io.greentwin.jobs.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.jobs.source.RawReading;
import io.greentwin.jobs.source.mqtt.CollectingSink.Collected;
import io.greentwin.testsupport.MqttBrokers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MQTT source against a real broker (MqttBrokers: GREENTWIN_MQTT_URL, a Mosquitto container or
 * an embedded HiveMQ CE) in a Flink mini-cluster shared by the class. Every test uses its own
 * topics, shared group and client ids, since the broker is shared.
 */
class MqttSourceTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final String PROBE = "probe";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private URI broker;
  private String run;
  private String topicRoot;
  private CollectingSink sink;
  private JobClient job;

  @BeforeEach
  void setUp() {
    var found = MqttBrokers.broker();
    Assumptions.assumeTrue(found.isPresent(), MqttBrokers.whyNone());
    broker = found.get();
    run = UUID.randomUUID().toString().substring(0, 8);
    topicRoot = "greentwin-test/" + run + "/readings";
    sink = CollectingSink.named(run);
  }

  @AfterEach
  void tearDown() throws Exception {
    stop(job);
    if (sink != null) {
      sink.discard();
    }
  }

  @Test
  void everyPublishedReadingArrivesWithItsTopicAndNonUtf8IsKept() throws Exception {
    long before = System.currentTimeMillis();
    job = start(source("plain").build(), 1, DataStream::sinkTo);
    try (TestPublisher publisher = new TestPublisher(broker)) {
      awaitSubscribed(publisher, 1);
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", 0, 500);
      publisher.publish(topicRoot + "/_malformed", new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}'});
    }
    await(() -> readings().size() >= 501, "all 501 messages");

    List<RawReading> got = readings();
    assertThat(seqs(got)).hasSize(500).first().isEqualTo(0L);
    assertThat(got).hasSize(501);
    RawReading first =
        got.stream().filter(r -> r.payload().endsWith("\"seq\":0}")).findFirst().get();
    assertThat(first.payload()).isEqualTo(TestPublisher.reading(0));
    assertThat(first.origin()).isEqualTo("mqtt:" + topicRoot + "/rack-1/power/powerKw");
    assertThat(first.receivedMs()).isBetween(before, System.currentTimeMillis());
    RawReading malformed =
        got.stream().filter(r -> r.origin().endsWith("/_malformed")).findFirst().get();
    assertThat(malformed.payload()).isEqualTo("{\uFFFD\uFFFD}");
  }

  @Test
  void noReadingIsLostWhenTheJobFailsAndRestartsFromItsCheckpoint() throws Exception {
    // HiveMQ CE sends a client at most 50 unacknowledged messages: 600 take ~12 checkpoints.
    // Not more: Mosquitto's default max_queued_messages (1,000) counts a disconnected client's
    // unacknowledged and queued messages together and drops beyond it ("Outgoing messages are
    // being dropped" in its log) — seen in CI with 1,000 readings while the job restarted.
    int n = 600;
    job =
        start(
            source("crash").build(),
            1,
            (stream, s) -> stream.map(new FailOnceAfterCheckpoint(300)).uid("fail-once").sinkTo(s));
    try (TestPublisher publisher = new TestPublisher(broker)) {
      awaitSubscribed(publisher, 1);
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", 0, n);
    }
    await(() -> seqs(readings()).size() == n, "every reading at least once");

    List<Collected> all = sink.collected();
    assertThat(all).as("the injected failure restarted the job").anyMatch(c -> c.attempt() > 0);
    assertThat(seqs(readings())).hasSize(n);
  }

  @Test
  void aLostConnectionRestartsTheJobFromItsCheckpointAndLosesNothing() throws Exception {
    int n = 500;
    String prefix = "greentwin-test-takeover-" + run;
    job = start(source("takeover").build(), 1, DataStream::sinkTo);
    try (TestPublisher publisher = new TestPublisher(broker)) {
      awaitSubscribed(publisher, 1);
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", 0, n);
      await(() -> !readings().isEmpty(), "the first readings");
      TestPublisher.takeOverSession(broker, prefix + "-0"); // the broker drops the source's client
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", n, 2 * n);
    }
    await(() -> seqs(readings()).size() == 2 * n, "every reading at least once");

    assertThat(sink.collected())
        .as("the restarted job read the rest")
        .anyMatch(c -> c.attempt() > 0 && !isProbe(c.reading()));
  }

  @Test
  void twoReadersOfOneSharedGroupDeliverEachReadingOnce() throws Exception {
    int n = 1_000;
    job = start(source("parallel").sharedGroup("g-" + run).build(), 2, DataStream::sinkTo);
    try (TestPublisher publisher = new TestPublisher(broker)) {
      awaitSubscribed(publisher, 1); // the group exists: it keeps what a late member misses
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", 0, n);
    }
    await(() -> seqs(readings()).size() == n, "all readings");

    assertThat(readings()).as("each reading once: the readers share one subscription").hasSize(n);
  }

  @Test
  void aRoundRobinBrokerSpreadsTheSharedGroupOverBothReaders() throws Exception {
    Assumptions.assumeFalse(
        MqttBrokers.isEmbeddedHiveMq(),
        "HiveMQ CE gives a shared group's messages to one member while acknowledgements wait for"
            + " checkpoints (measured); Mosquitto alternates, so the spread is checked there");
    int n = 1_000;
    job = start(source("spread").sharedGroup("g-" + run).build(), 2, DataStream::sinkTo);
    try (TestPublisher publisher = new TestPublisher(broker)) {
      awaitSubscribed(publisher, 2);
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", 0, n);
    }
    await(() -> seqs(readings()).size() == n, "all readings");

    Map<Integer, Long> perReader =
        sink.collected().stream()
            .filter(c -> !isProbe(c.reading()))
            .collect(Collectors.groupingBy(Collected::subtask, Collectors.counting()));
    assertThat(perReader).as("readings per reader").containsOnlyKeys(0, 1);
    assertThat(perReader.get(0) + perReader.get(1)).as("each reading once").isEqualTo(n);
  }

  @Test
  void acknowledgedReadingsAreNotSentAgainAndThoseSentWhileStoppedArrive() throws Exception {
    MqttSource source = source("resume").build();
    job = start(source, 1, (stream, s) -> stream.map(new AckWatch(run)).uid("ack-watch").sinkTo(s));
    try (TestPublisher publisher = new TestPublisher(broker)) {
      awaitSubscribed(publisher, 1);
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", 0, 100);
      await(() -> seqs(readings()).size() == 100, "the first 100 readings");
      int emitted = sink.collected().size();
      await(() -> AckWatch.acknowledged(run) >= emitted, "a checkpoint covering them");
      stop(job);
      job = null;
      publisher.publishReadings(topicRoot + "/rack-1/power/powerKw", 100, 200);
    }
    sink.discard();
    sink = CollectingSink.named(run + "-second");
    job = start(source, 1, DataStream::sinkTo);
    await(() -> seqs(readings()).size() == 100, "the 100 readings published while stopped");

    assertThat(seqs(readings()))
        .as("only the readings the first job had not acknowledged")
        .containsExactlyElementsOf(range(100, 200));
  }

  @Test
  void rejectsSeveralSplitsWithoutASharedGroup() {
    var builder = source("invalid").splits(2);
    assertThatThrownBy(builder::build)
        .hasMessageContaining("more than 1 split needs a sharedGroup");
  }

  private MqttSourceBuilder source(String name) {
    return MqttSource.builder()
        .brokerUrl(broker == null ? "tcp://127.0.0.1:1883" : broker.toString())
        .topicFilter(topicRoot + "/#")
        .clientIdPrefix("greentwin-test-" + name + "-" + run)
        .sessionExpiry(Duration.ofMinutes(5)); // the shared broker forgets test sessions soon
  }

  private interface Workflow {
    void define(DataStream<RawReading> readings, CollectingSink sink);
  }

  private JobClient start(MqttSource source, int parallelism, Workflow workflow) throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(parallelism);
    env.enableCheckpointing(100);
    DataStream<RawReading> readings =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt").uid("mqtt-source");
    workflow.define(readings, sink);
    return env.executeAsync("mqtt-source-test-" + run);
  }

  private static void stop(JobClient job) throws Exception {
    if (job == null) {
      return;
    }
    job.cancel().get(30, TimeUnit.SECONDS);
    BooleanSupplier ended =
        () -> {
          try {
            return job.getJobStatus().get().isGloballyTerminalState();
          } catch (Exception e) {
            return true;
          }
        };
    await(ended, "the job to end");
  }

  /**
   * Publishes probes until every reader has received one, i.e. has subscribed. Several readers get
   * bursts larger than HiveMQ CE's window of 50 unacknowledged messages, since that broker turns to
   * a group's next member only once the first is full.
   */
  private void awaitSubscribed(TestPublisher publisher, int readers) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int burst = readers == 1 ? 1 : 60;
    while (probedSubtasks().size() < readers) {
      assertThat(System.nanoTime()).as("readers subscribed in time").isLessThan(deadline);
      for (int i = 0; i < burst; i++) {
        publisher.publish(topicRoot + "/" + PROBE, PROBE.getBytes(StandardCharsets.UTF_8));
      }
      publisher.flush();
      Thread.sleep(50);
    }
  }

  private Set<Integer> probedSubtasks() {
    return sink.collected().stream()
        .filter(c -> isProbe(c.reading()))
        .map(Collected::subtask)
        .collect(Collectors.toSet());
  }

  private List<RawReading> readings() {
    return sink.collected().stream().map(Collected::reading).filter(r -> !isProbe(r)).toList();
  }

  private static boolean isProbe(RawReading r) {
    return PROBE.equals(r.payload());
  }

  private static TreeSet<Long> seqs(List<RawReading> readings) {
    TreeSet<Long> seqs = new TreeSet<>();
    for (RawReading r : readings) {
      Matcher m = SEQ.matcher(r.payload());
      if (m.find()) {
        seqs.add(Long.parseLong(m.group(1)));
      }
    }
    return seqs;
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /**
   * Tells the test how many records the newest completed checkpoint covers, i.e. how many the
   * source has acknowledged to the broker (source and map are chained, so the map sees the same
   * records before the same barrier).
   */
  static final class AckWatch extends RichMapFunction<RawReading, RawReading>
      implements CheckpointedFunction, CheckpointListener {
    private static final Map<String, AtomicLong> ACKNOWLEDGED = new ConcurrentHashMap<>();

    private final String name;
    private transient long seen;
    private transient Map<Long, Long> seenAtCheckpoint;

    AckWatch(String name) {
      this.name = name;
      ACKNOWLEDGED.put(name, new AtomicLong());
    }

    static long acknowledged(String name) {
      return ACKNOWLEDGED.get(name).get();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      seenAtCheckpoint = new ConcurrentHashMap<>();
    }

    @Override
    public RawReading map(RawReading reading) {
      seen++;
      return reading;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      seenAtCheckpoint.put(context.getCheckpointId(), seen);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      Long covered = seenAtCheckpoint.remove(checkpointId);
      if (covered != null) {
        ACKNOWLEDGED.get(name).accumulateAndGet(covered, Math::max);
      }
    }
  }

  /**
   * Fails the first attempt once it has passed {@code after} readings and seen a checkpoint
   * complete, so the restart resumes from a checkpoint whose readings were acknowledged.
   */
  static final class FailOnceAfterCheckpoint extends RichMapFunction<RawReading, RawReading>
      implements CheckpointListener {
    private final int after;
    private transient int seen;
    private transient boolean checkpointed;

    FailOnceAfterCheckpoint(int after) {
      this.after = after;
    }

    @Override
    public RawReading map(RawReading reading) {
      if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
          && !isProbe(reading)
          && ++seen >= after
          && checkpointed) {
        throw new IllegalStateException("injected failure after " + seen + " readings");
      }
      return reading;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }
}
