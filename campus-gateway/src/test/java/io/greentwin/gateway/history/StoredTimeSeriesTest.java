package io.greentwin.gateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.search.TestGateway;
import io.greentwin.jobs.timeseries.BlockCodec;
import io.greentwin.jobs.timeseries.MinuteCodec;
import io.greentwin.jobs.timeseries.Rollup;
import io.greentwin.jobs.timeseries.SeriesAggregate;
import io.greentwin.jobs.timeseries.SeriesIds;
import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.timeseries.TimeSeriesDatabase;
import io.greentwin.jobs.timeseries.TimeSeriesReader;
import io.greentwin.jobs.timeseries.TimeSeriesRow;
import io.greentwin.jobs.timeseries.TimeSeriesWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time-series endpoint answering from the time-series store (rows as the stream job writes them
 * to H2), and from the twin's events for a property the store does not hold.
 */
class StoredTimeSeriesTest {
  static final String RACK = "campus.a:rack-01";
  static final long T0 = TestGateway.T0.toEpochMilli();
  static final long[] TIMES = {T0 + 5_000, T0 + 35_000, T0 + 70_000, T0 + 140_000, T0 + 170_000};
  static final double[] VALUES = {1, 3, 10, 4, 6};

  @TempDir static Path dir;
  static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    TimeSeriesConfig cfg = TimeSeriesConfig.h2(dir);
    try (TimeSeriesWriter w = TimeSeriesWriter.open(cfg, 0, 1)) {
      rows().forEach(w::add);
      w.commit(Long.MAX_VALUE);
    }
    TimeSeriesReader store = new TimeSeriesReader(TimeSeriesDatabase.dataSource(cfg));
    gateway = TestGateway.start(g -> List.of(new HistoryApi(g.twins, g.clock, null, store)));
    // the twin's events say something else: the store must win for the series it holds
    gateway.put(RACK, "{\"features\":{\"power\":{\"properties\":{\"kw\":500,\"volts\":230}}}}");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0} per {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "avg;   1m;  [2.0, 10.0, 5.0]",
        "min;   1m;  [1.0, 10.0, 4.0]",
        "max;   1m;  [3.0, 10.0, 6.0]",
        "last;  1m;  [3.0, 10.0, 6.0]",
        "count; 1m;  [2, 1, 2]",
        "count; 30s; [1, 1, 1, 1, 1]",
        "avg;   1h;  [4.8]",
        "max;   15m; [10.0]"
      })
  void aggregatesTheStoredSeries(String agg, String step, String expected) {
    var r =
        gateway.get(
            "/api/2/timeseries/" + RACK + "/features/power/properties/kw",
            "from",
            TestGateway.T0.toString(),
            "to",
            TestGateway.T0.plusSeconds(3600).toString(),
            "step",
            step,
            "agg",
            agg);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonObject series = JsonFactory.readFrom(r.bodyAsString()).asObject();
    assertThat(
            series.getValue("points").orElseThrow().asArray().stream()
                .map(p -> p.asObject().getValue("value").orElseThrow())
                .toList()
                .toString())
        .isEqualTo(JsonFactory.readFrom(expected).asArray().stream().toList().toString());
  }

  @Test
  void readsAPropertyTheStoreDoesNotHoldFromTheTwinsEvents() {
    var r =
        gateway.get(
            "/api/2/timeseries/" + RACK + "/features/power/properties/volts",
            "from",
            TestGateway.T0.toString(),
            "to",
            TestGateway.T0.plusSeconds(60).toString(),
            "agg",
            "last");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(JsonFactory.readFrom(r.bodyAsString()).asObject().getValue("points").orElseThrow())
        .isEqualTo(JsonFactory.readFrom("[{\"t\":\"2026-05-01T10:00:00Z\",\"value\":230}]"));
  }

  /** What the stream job writes for the samples once the watermark has passed them all. */
  static List<TimeSeriesRow> rows() {
    long id = SeriesIds.of(RACK, "power", "kw");
    List<TimeSeriesRow> rows = new ArrayList<>();
    rows.add(TimeSeriesRow.series(id, RACK, "power", "kw", "kW", T0));
    TreeMap<Long, SeriesAggregate> minutes = new TreeMap<>();
    SeriesAggregate all = null;
    for (int i = 0; i < TIMES.length; i++) {
      SeriesAggregate one = SeriesAggregate.of(TIMES[i], VALUES[i]);
      minutes.merge(Rollup.MINUTE.bucketStart(TIMES[i]), one, SeriesAggregate::merge);
      all = all == null ? one : all.merge(one);
    }
    List<MinuteCodec.Minute> packed = new ArrayList<>();
    minutes.forEach(
        (m, agg) -> {
          packed.add(new MinuteCodec.Minute(m, agg));
          int from = 0;
          while (Rollup.MINUTE.bucketStart(TIMES[from]) != m) {
            from++;
          }
          rows.add(
              TimeSeriesRow.raw(
                  id,
                  m,
                  (int) agg.count(),
                  BlockCodec.encode(m, TIMES, VALUES, from, (int) agg.count())));
        });
    rows.add(TimeSeriesRow.minutes(id, T0, all.count(), MinuteCodec.encode(T0, packed)));
    rows.add(TimeSeriesRow.rollup(Rollup.QUARTER_HOUR, id, T0, all));
    rows.add(TimeSeriesRow.rollup(Rollup.HOUR, id, T0, all));
    return rows;
  }
}
