package io.greentwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.jobs.deadletter.DeadLetterStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/**
 * The twin sink's writer against a stand-in twin service that acknowledges, refuses or fails
 * patches as a test scripts it: ordering per thing, retries, flush and dead letters.
 */
class TwinPatchWriterTest {
  private final String url = "jdbc:h2:mem:writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

  /** Fails the first {@code transientFailures} attempts of each patch, refuses thing "bad". */
  static final class StandInTwins implements TwinChannel {
    final List<String> applied = new CopyOnWriteArrayList<>();
    final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
    volatile int transientFailures;
    volatile boolean hold;

    /** Features whose condition the stand-in twin does not meet (it holds newer readings). */
    final java.util.Set<String> newerFeatures = ConcurrentHashMap.newKeySet();

    final List<String> conditions = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> send(TwinPatch p) {
      conditions.add(String.valueOf(p.condition()));
      if (p.condition() != null
          && newerFeatures.stream().anyMatch(f -> p.condition().contains("features/" + f + "/"))) {
        return CompletableFuture.failedFuture(
            new TwinRejectedException(
                412, "{\"status\":412,\"error\":\"things:condition.failed\"}"));
      }
      int n = attempts.computeIfAbsent(p.json(), k -> new AtomicInteger()).incrementAndGet();
      if (p.thingId().endsWith(":bad")) {
        return CompletableFuture.failedFuture(
            new TwinRejectedException(404, "{\"error\":\"things:thing.notfound\"}"));
      }
      if (n <= transientFailures) {
        return CompletableFuture.failedFuture(new IllegalStateException("503 busy"));
      }
      if (hold) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        f.thenRun(() -> applied.add(p.json()));
        held.add(f);
        return f;
      }
      applied.add(p.json());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}
  }

  /** Counters the writer registers, by name. */
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  private TwinPatchWriter writer(StandInTwins twins, int maxAttempts) {
    DittoSinkConfig config =
        new DittoSinkConfig(
            "ws://unused",
            "u",
            "p",
            4,
            Duration.ofSeconds(5),
            maxAttempts,
            Duration.ofMillis(1),
            Duration.ofMillis(5),
            url);
    return new TwinPatchWriter(
        twins,
        new DeadLetterStore(url),
        config,
        Clock.systemUTC(),
        new UnregisteredMetricsGroup() {
          @Override
          public Counter counter(String name) {
            return counter(name, new org.apache.flink.metrics.SimpleCounter());
          }

          @Override
          public <C extends Counter> C counter(String name, C counter) {
            counters.put(name, counter);
            return counter;
          }
        });
  }

  private static TwinPatch patch(String thing, int n) {
    return new TwinPatch(
        "t:" + thing, "/", "{\"n\":" + n + ",\"thing\":\"" + thing + "\"}", false, n);
  }

  @Test
  void retriesTransientFailuresAndFlushReturnsOnceEveryPatchIsAcknowledged() throws Exception {
    StandInTwins twins = new StandInTwins();
    twins.transientFailures = 2;
    try (TwinPatchWriter w = writer(twins, 5)) {
      for (int i = 0; i < 10; i++) {
        w.write(patch("rack-" + (i % 3), i), null);
      }
      w.flush(false);
      assertThat(twins.applied).hasSize(10);
      assertThat(twins.attempts.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(3));
    }
  }

  @Test
  void patchesOfOneThingAreAppliedInTheOrderWritten() throws Exception {
    StandInTwins twins = new StandInTwins();
    twins.hold = true;
    try (TwinPatchWriter w = writer(twins, 3)) {
      w.write(patch("rack", 1), null);
      w.write(patch("rack", 2), null);
      w.write(patch("pump", 3), null);
      // The second patch of the rack waits for the first: two sent, not three.
      assertThat(twins.held).hasSize(2);
      twins.held.get(0).complete(null);
      twins.held.get(1).complete(null);
      twins.held.get(2).complete(null);
      w.flush(false);
      assertThat(twins.applied)
          .filteredOn(j -> j.contains("rack"))
          .containsExactly(patch("rack", 1).json(), patch("rack", 2).json());
    }
  }

  @Test
  void aRefusedPatchGoesToTheDeadLetterStoreWithTheTwinServicesError() throws Exception {
    StandInTwins twins = new StandInTwins();
    try (TwinPatchWriter w = writer(twins, 3)) {
      w.write(patch("bad", 1), null);
      w.write(patch("good", 2), null);
      w.flush(false);
    }
    List<String> reasons = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT reason, origin, raw FROM dead_letter")) {
      while (rs.next()) {
        reasons.add(rs.getString(1));
        assertThat(rs.getString(2)).isEqualTo("twin-sink");
        assertThat(rs.getString(3)).contains("\"topic\":\"t/bad/things/twin/commands/merge\"");
      }
    }
    assertThat(reasons).containsExactly("twin-rejected: 404 {\"error\":\"things:thing.notfound\"}");
    assertThat(twins.applied).containsExactly(patch("good", 2).json());
  }

  @Test
  void aPatchStillFailingAfterItsLastAttemptFailsTheCheckpoint() throws Exception {
    StandInTwins twins = new StandInTwins();
    twins.transientFailures = 10;
    try (TwinPatchWriter w = writer(twins, 3)) {
      w.write(patch("rack", 1), null);
      assertThatThrownBy(() -> w.flush(false))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("t:rack not acknowledged after 3 attempts");
    }
  }

  private static TwinPatch conditional(String thing, long oldestMs, String... features) {
    StringBuilder json = new StringBuilder("{\"features\":{");
    Map<String, Long> oldest = new java.util.LinkedHashMap<>();
    for (int i = 0; i < features.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(features[i]).append("\":");
      json.append("{\"properties\":{\"v\":").append(oldestMs).append("}}");
      oldest.put(features[i], oldestMs);
    }
    json.append("}}");
    return new TwinPatch(
        "t:" + thing, "/", json.toString(), false, oldestMs, ObservedAt.condition(oldest));
  }

  @Test
  void aMergeTheTwinHasNewerValuesOfIsSplitPerFeatureAndOnlyTheStaleFeaturesAreDropped()
      throws Exception {
    StandInTwins twins = new StandInTwins();
    twins.newerFeatures.add("coolant");
    try (TwinPatchWriter w = writer(twins, 3)) {
      w.write(conditional("rack", 60_000, "coolant", "thermal", "power"), null);
      w.flush(false);
    }
    assertThat(twins.applied)
        .containsExactlyInAnyOrder(
            "{\"features\":{\"thermal\":{\"properties\":{\"v\":60000}}}}",
            "{\"features\":{\"power\":{\"properties\":{\"v\":60000}}}}");
    // The whole merge, then each feature with its own part of the condition.
    assertThat(twins.conditions).hasSize(4);
    assertThat(twins.conditions.get(0)).startsWith("and(");
    assertThat(twins.conditions.subList(1, 4))
        .containsExactlyInAnyOrder(
            "or(not(exists(features/coolant/properties/observedAt)),"
                + "le(features/coolant/properties/observedAt,\"1970-01-01T00:01:00.000Z\"))",
            "or(not(exists(features/thermal/properties/observedAt)),"
                + "le(features/thermal/properties/observedAt,\"1970-01-01T00:01:00.000Z\"))",
            "or(not(exists(features/power/properties/observedAt)),"
                + "le(features/power/properties/observedAt,\"1970-01-01T00:01:00.000Z\"))");
    assertThat(counters.get("twinPatchesStale").getCount()).isEqualTo(1);
    assertThat(counters.get("twinPatchesRefused").getCount()).isZero();
    assertThat(counters.get("twinPatchesAcknowledged").getCount()).isEqualTo(2);
    assertThat(deadLetterCount()).isZero();
  }

  @Test
  void aStaleSingleFeatureMergeIsDroppedAndTheNextPatchOfTheThingStillGoes() throws Exception {
    StandInTwins twins = new StandInTwins();
    twins.newerFeatures.add("coolant");
    try (TwinPatchWriter w = writer(twins, 3)) {
      w.write(conditional("rack", 30_000, "coolant"), null);
      w.write(patch("rack", 2), null);
      w.flush(false);
    }
    assertThat(twins.conditions).hasSize(2);
    assertThat(twins.applied).containsExactly(patch("rack", 2).json());
    assertThat(counters.get("twinPatchesStale").getCount()).isEqualTo(1);
    assertThat(deadLetterCount()).isZero();
  }

  /** Rows in the dead-letter table (created with the first dead letter). */
  private int deadLetterCount() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'DEAD_LETTER'")) {
      rs.next();
      if (rs.getInt(1) == 0) {
        return 0;
      }
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dead_letter")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
