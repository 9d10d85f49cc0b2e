package io.greentwin.jobs.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every time-series database must do (H2 here, PostgreSQL in the tests module): rows written
 * by {@link TimeSeriesWriter} read back by {@link TimeSeriesReader} as the exact roll-ups of the
 * samples, whatever the step and range.
 */
public abstract class TimeSeriesStoreContract {
  protected static final long T0 = 1_777_629_600_000L; // 2026-05-01T10:00:00Z
  static final long S = 1_000;
  static final long M = 60 * S;
  static final long H = 60 * M;

  protected TimeSeriesConfig cfg;
  private TimeSeriesWriter writer;
  private TimeSeriesReader reader;

  /** A config for a new, empty database. */
  protected abstract TimeSeriesConfig newDatabase() throws Exception;

  /** Drops what {@link #newDatabase} made. */
  protected void dropDatabase() throws Exception {}

  @BeforeEach
  void open() throws Exception {
    cfg = newDatabase();
    writer = TimeSeriesWriter.open(cfg, 0, 1);
    reader = new TimeSeriesReader(TimeSeriesDatabase.dataSource(cfg));
  }

  @AfterEach
  void close() throws Exception {
    if (writer == null) {
      return; // the database was not there: the test was skipped before it opened anything
    }
    writer.close();
    dropDatabase();
  }

  Samples rack = Samples.regular("campus.a:rack-01", "powerKw", T0, T0 + 3 * H, 10 * S, 1);
  Samples other = Samples.regular("campus.a:rack-02", "powerKw", T0, T0 + 3 * H, 7 * S, 2);

  void write(List<TimeSeriesRow> rows, long watermarkMs) throws Exception {
    rows.forEach(writer::add);
    writer.commit(watermarkMs);
  }

  Map<Long, SeriesAggregate> read(Samples s, long from, long to, long step) throws Exception {
    return Samples.asMap(
        reader.read(s.thingId(), s.feature(), s.property(), from, to, step).orElseThrow());
  }

  static void assertSame(Map<Long, SeriesAggregate> actual, Map<Long, SeriesAggregate> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (start, e) -> {
          SeriesAggregate a = actual.get(start);
          assertThat(a.count()).as("count at %d", start).isEqualTo(e.count());
          assertThat(a.sum()).as("sum at %d", start).isCloseTo(e.sum(), within(1e-6));
          assertThat(a.min()).as("min at %d", start).isEqualTo(e.min());
          assertThat(a.max()).as("max at %d", start).isEqualTo(e.max());
          assertThat(a.last()).as("last at %d", start).isEqualTo(e.last());
          assertThat(a.lastTMs()).as("last time at %d", start).isEqualTo(e.lastTMs());
          assertThat(a.firstTMs()).as("first time at %d", start).isEqualTo(e.firstTMs());
        });
  }

  /** Ends every other session on the database, as a database restart or a network cut would. */
  private void dropOtherConnections() throws Exception {
    try (java.sql.Connection c = TimeSeriesDatabase.dataSource(cfg).getConnection();
        java.sql.Statement st = c.createStatement()) {
      if (cfg.isPostgres()) {
        try (java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).as("sessions ended, the writer's among them").isPositive();
        }
      } else {
        List<Integer> others = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS"
                    + " WHERE SESSION_ID <> SESSION_ID()")) {
          while (rs.next()) {
            others.add(rs.getInt(1));
          }
        }
        assertThat(others).as("the writer's session").isNotEmpty();
        for (int id : others) {
          try (java.sql.ResultSet rs = st.executeQuery("CALL ABORT_SESSION(" + id + ")")) {
            assertThat(rs.next() && rs.getBoolean(1)).as("session %d ended", id).isTrue();
          }
        }
      }
    }
  }

  @Test
  void aCommitOnADroppedConnectionIsRetriedOnANewOneAndWritesEverythingOnce() throws Exception {
    write(other.rows(Long.MAX_VALUE), T0);
    dropOtherConnections();
    write(rack.rows(Long.MAX_VALUE), Long.MAX_VALUE); // the first try fails: its session is gone
    assertSame(read(rack, T0, T0 + 3 * H, 15 * M), rack.truth(T0, T0 + 3 * H, 15 * M));
    assertSame(read(rack, T0, T0 + H, 10 * S), rack.truth(T0, T0 + H, 10 * S));
    assertSame(read(other, T0, T0 + 3 * H, H), other.truth(T0, T0 + 3 * H, H));
  }

  @ParameterizedTest(name = "step {0} s from +{1} s to +{2} s")
  @CsvSource({
    "10, 0, 10800",
    "60, 0, 10800",
    "300, 443, 10085",
    "900, 0, 10800",
    "900, 443, 10085",
    "1800, 61, 9000",
    "3600, 0, 10800",
    "3600, 443, 10085",
    "7200, 0, 10800",
    "7, 3599, 3721"
  })
  void readsEveryStepExactlyWhateverTheRange(long step, long from, long to) throws Exception {
    write(rack.rows(Long.MAX_VALUE), Long.MAX_VALUE);
    write(other.rows(Long.MAX_VALUE), Long.MAX_VALUE);
    assertSame(
        read(rack, T0 + from * S, T0 + to * S, step * S),
        rack.truth(T0 + from * S, T0 + to * S, step * S));
  }

  @Test
  void bucketsAfterTheWritersProgressComeFromFinerLevels() throws Exception {
    long wm = T0 + H + 37 * M - 1; // 11:37 minus 1 ms: minutes up to 11:36 are closed
    write(rack.rows(wm), wm);
    Samples closed = rack.before(T0 + H + 37 * M);
    assertSame(read(rack, T0, T0 + 3 * H, H), closed.truth(T0, T0 + 3 * H, H));
    assertSame(read(rack, T0, T0 + 3 * H, 15 * M), closed.truth(T0, T0 + 3 * H, 15 * M));
  }

  @Test
  void aLateCorrectionWinsAndRepeatedRowsCountOnce() throws Exception {
    write(rack.rows(Long.MAX_VALUE), Long.MAX_VALUE);
    write(rack.rows(Long.MAX_VALUE), Long.MAX_VALUE); // a replay after recovery
    assertSame(read(rack, T0, T0 + 3 * H, H), rack.truth(T0, T0 + 3 * H, H));
    assertSame(read(rack, T0, T0 + H, 10 * S), rack.truth(T0, T0 + H, 10 * S));

    // a late sample of 10:05:05: its block alone, then every bucket it falls in, complete
    long late = T0 + 5 * M + 5 * S;
    Samples corrected = withSample(rack, late, 99.5);
    write(
        List.of(
            TimeSeriesRow.raw(
                rack.id(),
                T0 + 5 * M,
                1,
                BlockCodec.encode(T0 + 5 * M, new long[] {late}, new double[] {99.5}, 0, 1))),
        Long.MAX_VALUE);
    write(List.of(corrected.minutesRow(Rollup.QUARTER_HOUR.bucketStart(late))), Long.MAX_VALUE);
    for (Rollup level : List.of(Rollup.QUARTER_HOUR, Rollup.HOUR)) {
      long start = level.bucketStart(late);
      write(
          List.of(
              TimeSeriesRow.rollup(
                  level,
                  rack.id(),
                  start,
                  corrected.truth(start, start + level.widthMs(), level.widthMs()).get(start))),
          Long.MAX_VALUE);
    }
    for (long step : new long[] {10 * S, M, 15 * M, H}) {
      assertSame(read(rack, T0, T0 + 3 * H, step), corrected.truth(T0, T0 + 3 * H, step));
    }
  }

  @Test
  void aSeriesTheStoreDoesNotKnowIsEmpty() throws Exception {
    write(rack.rows(Long.MAX_VALUE), Long.MAX_VALUE);
    assertThat(reader.read("campus.a:rack-01", "power", "voltageV", T0, T0 + H, M)).isEmpty();
  }

  @Test
  void retentionDropsRawBlocksOlderThanConfiguredAndKeepsRollups() throws Exception {
    writer.close();
    cfg =
        new TimeSeriesConfig(
            cfg.jdbcUrl(),
            cfg.user(),
            cfg.password(),
            cfg.allowedLateness(),
            Duration.ofHours(1),
            null,
            null,
            null,
            cfg.batchRows(),
            cfg.flushInterval());
    writer = TimeSeriesWriter.open(cfg, 0, 1);
    write(rack.rows(Long.MAX_VALUE), Long.MAX_VALUE);
    assertThat(read(rack, T0, T0 + H, 10 * S)).isEmpty(); // raw blocks of 10:00-11:00 are gone
    assertSame(
        read(rack, T0 + 2 * H, T0 + 3 * H, 10 * S), rack.truth(T0 + 2 * H, T0 + 3 * H, 10 * S));
    assertSame(read(rack, T0, T0 + 3 * H, M), rack.truth(T0, T0 + 3 * H, M));
  }

  @Test
  void anIdNamingTwoSeriesFailsTheCommitAndWritesNothing() throws Exception {
    write(rack.rows(Long.MAX_VALUE), Long.MAX_VALUE);
    writer.add(TimeSeriesRow.series(rack.id(), "campus.a:rack-99", "power", "powerKw", "kW", T0));
    writer.add(
        TimeSeriesRow.rollup(
            Rollup.HOUR, rack.id(), T0 + 5 * H, SeriesAggregate.of(T0 + 5 * H, 1)));
    assertThatThrownBy(() -> writer.commit(Long.MAX_VALUE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("collision")
        .hasMessageContaining("campus.a:rack-99");
    assertThat(read(rack, T0 + 5 * H, T0 + 6 * H, H)).isEmpty();
  }

  static Samples withSample(Samples s, long t, double v) {
    int n = s.timesMs().length;
    long[] times = java.util.Arrays.copyOf(s.timesMs(), n + 1);
    double[] values = java.util.Arrays.copyOf(s.values(), n + 1);
    times[n] = t;
    values[n] = v;
    return new Samples(s.thingId(), s.feature(), s.property(), times, values);
  }
}
