package io.greentwin.jobs.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.sim.Reading;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The time-series branch on a Flink mini-cluster: known readings, some out of order, some late, one
 * too late, rolled up in event time, written to H2 and read back exactly.
 */
class TimeSeriesJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  static final long T0 = TimeSeriesStoreContract.T0; // 10:00
  static final long S = 1_000;
  static final long M = 60 * S;
  static final long H = 60 * M;
  static final long BOUND_MS = 10 * S;

  @TempDir static Path dir;

  @Test
  void readingsStateAndRowsAreFlatPojosNeverKryo() {
    assertThat(TypeInformation.of(Reading.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(SeriesState.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeInformation.of(TimeSeriesRow.class)).isInstanceOf(PojoTypeInfo.class);
  }

  @ParameterizedTest(name = "step {0} s")
  @ValueSource(longs = {10, 60, 300, 900, 3600, 7200})
  void rollsUpOutOfOrderAndLateReadingsExactly(long stepS) throws Exception {
    Run run = Run.once(dir);
    for (Samples s : run.accepted) {
      Samples.asMap(
          run.reader
              .read(s.thingId(), s.feature(), s.property(), T0, T0 + 2 * H, stepS * S)
              .orElseThrow());
      TimeSeriesStoreContract.assertSame(
          Samples.asMap(
              run.reader
                  .read(s.thingId(), s.feature(), s.property(), T0, T0 + 2 * H, stepS * S)
                  .orElseThrow()),
          s.truth(T0, T0 + 2 * H, stepS * S));
    }
  }

  @Test
  void sendsOnlyTheReadingBeyondTheAllowedLatenessToTheSideOutput() throws Exception {
    Run run = Run.once(dir);
    assertThat(run.tooLate)
        .extracting(r -> r.eventTime().toEpochMilli())
        .containsExactly(T0 + 40 * M);
  }

  /** One job over the known readings; shared by the tests of a class run (one mini-cluster job). */
  static final class Run {
    private static Run done;
    final List<Samples> accepted = new ArrayList<>();
    final List<Reading> tooLate = new ArrayList<>();
    TimeSeriesReader reader;

    static synchronized Run once(Path dir) throws Exception {
      if (done == null) {
        done = new Run();
        done.execute(dir);
      }
      return done;
    }

    private void execute(Path dir) throws Exception {
      List<Reading> readings = new ArrayList<>();
      List<long[]> times = List.of(new long[720], new long[720]);
      List<double[]> values = List.of(new double[720], new double[720]);
      String[] things = {"campus.a:rack-01", "campus.a:rack-02"};
      for (int i = 0; i < 720; i++) {
        for (int k = 0; k < 2; k++) {
          long t = T0 + i * 10 * S + k * 3 * S;
          double v = Math.round((20 + k + Math.sin(i / 9.0) * 5) * 1000) / 1000.0;
          times.get(k)[i] = t;
          values.get(k)[i] = v;
          readings.add(reading(things[k], t, v, i));
        }
      }
      // out of order within the watermark's bound: swap neighbours now and then
      for (int i = 10; i + 1 < readings.size(); i += 37) {
        readings.set(i, readings.set(i + 1, readings.get(i)));
      }
      // late, within the allowed lateness: a closed minute (10:27) and a closed quarter (10:15)
      List<long[]> extraT = List.of(new long[] {T0 + 27 * M + 15 * S, T0 + 29 * M + 58 * S});
      insertAfter(readings, T0 + 30 * M, reading(things[0], extraT.get(0)[0], 99.125, 9001));
      insertAfter(readings, T0 + 32 * M, reading(things[0], extraT.get(0)[1], -3.5, 9002));
      // too late: 20 minutes behind, beyond the 5 minutes allowed
      insertAfter(readings, T0 + H, reading(things[1], T0 + 40 * M, 1234, 9003));

      accepted.add(
          TimeSeriesStoreContract.withSample(
              TimeSeriesStoreContract.withSample(
                  new Samples(things[0], "power", "powerKw", times.get(0), values.get(0)),
                  extraT.get(0)[0],
                  99.125),
              extraT.get(0)[1],
              -3.5));
      accepted.add(new Samples(things[1], "power", "powerKw", times.get(1), values.get(1)));

      TimeSeriesConfig cfg =
          TimeSeriesConfig.h2(dir).withAllowedLateness(Duration.ofMinutes(5)).withBatchRows(500);
      Configuration conf = new Configuration();
      conf.set(PipelineOptions.GENERIC_TYPES, false);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(2);
      DataStream<Reading> source =
          env.fromData(readings, TypeInformation.of(Reading.class))
              .assignTimestampsAndWatermarks(
                  WatermarkStrategy.<Reading>forGenerator(c -> new EveryEvent())
                      .withTimestampAssigner((r, ts) -> r.eventTime().toEpochMilli()));
      try (CloseableIterator<Reading> late =
          TimeSeriesSinks.attach(source, cfg).executeAndCollect("time series test")) {
        late.forEachRemaining(tooLate::add);
      }
      reader = new TimeSeriesReader(TimeSeriesDatabase.dataSource(cfg));
    }

    private static void insertAfter(List<Reading> readings, long eventTimeMs, Reading r) {
      for (int i = 0; i < readings.size(); i++) {
        if (readings.get(i).eventTime().toEpochMilli() >= eventTimeMs) {
          readings.add(i + 1, r);
          return;
        }
      }
    }

    private static Reading reading(String thing, long t, double v, long seq) {
      return new Reading(thing, "power", "powerKw", v, "kW", Instant.ofEpochMilli(t), seq);
    }
  }

  /** A watermark after every reading, {@link #BOUND_MS} behind the newest: deterministic. */
  static final class EveryEvent implements WatermarkGenerator<Reading> {
    private long max = Long.MIN_VALUE + BOUND_MS + 1;

    @Override
    public void onEvent(Reading r, long ts, WatermarkOutput out) {
      max = Math.max(max, ts);
      out.emitWatermark(new Watermark(max - BOUND_MS - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput out) {}
  }
}
