package io.greentwin.jobs.timeseries;

import io.greentwin.sim.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns each series' readings into raw blocks and roll-ups, in event time; keyed by thing (see
 * {@link ThingSeries}), each series by its {@link SeriesIds} id.
 *
 * <p>Readings wait in state until the watermark passes the end of their minute; then that minute
 * becomes one raw block and is merged into its 1-min, 15-min and 1-h buckets. When the watermark
 * passes the end of a quarter hour, its 15-min roll-up and its 1-min roll-ups (packed in one row)
 * are emitted; likewise the 1-h roll-up at the end of the hour. A reading behind the watermark by
 * less than the allowed lateness is flushed at the next watermark as an extra raw block, and every
 * bucket it falls in is emitted again, complete (readers take the row with the most samples); so
 * buckets are kept for the allowed lateness after they close. Older readings go to {@link
 * #TOO_LATE} and are counted ({@code timeSeriesTooLate}).
 */
final class TimeSeriesFunction extends KeyedProcessFunction<Integer, Reading, TimeSeriesRow> {
  static final OutputTag<Reading> TOO_LATE =
      new OutputTag<>("timeseries-too-late", TypeInformation.of(Reading.class));

  private final long latenessMs;
  private transient ValueState<ThingSeries> state;
  private transient Counter tooLate;

  TimeSeriesFunction(long latenessMs) {
    this.latenessMs = latenessMs;
  }

  @Override
  public void open(OpenContext ctx) {
    state =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("thing-series", TypeInformation.of(ThingSeries.class)));
    tooLate = getRuntimeContext().getMetricGroup().counter("timeSeriesTooLate");
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<TimeSeriesRow> out)
      throws Exception {
    long t = r.eventTime().toEpochMilli();
    long wm = ctx.timerService().currentWatermark();
    long minuteClose = Rollup.MINUTE.bucketStart(t) + Rollup.RAW_BLOCK_MS - 1;
    if (wm >= minuteClose + latenessMs) {
      tooLate.inc();
      ctx.output(TOO_LATE, r);
      return;
    }
    ThingSeries thing = state.value();
    if (thing == null) {
      thing = new ThingSeries();
    }
    long id = SeriesIds.of(r.thingId(), r.feature(), r.property());
    SeriesState s = thing.get(id);
    if (!s.registered) {
      out.collect(TimeSeriesRow.series(id, r.thingId(), r.feature(), r.property(), r.unit(), t));
      s.registered = true;
    }
    s.addPending(t, r.value());
    // a minute closes when the watermark reaches its last millisecond; a late reading waits for
    // the next watermark
    long timer = wm >= minuteClose ? wm + 1 : minuteClose;
    if (timer != s.timerMs) {
      ctx.timerService().registerEventTimeTimer(timer);
      s.timerMs = timer;
    }
    state.update(thing);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TimeSeriesRow> out)
      throws Exception {
    ThingSeries thing = state.value();
    if (thing == null) {
      return;
    }
    long wm = ctx.timerService().currentWatermark();
    for (int k = 0; k < thing.count; k++) {
      onTimer(thing.series[k], thing.ids[k], wm, ctx, out);
    }
    thing.dropEmpty();
    if (thing.isEmpty()) {
      state.clear();
    } else {
      state.update(thing);
    }
  }

  /** One series at a timer of its thing: what the watermark has closed, out; what is over, gone. */
  private void onTimer(
      SeriesState s, long id, long wm, OnTimerContext ctx, Collector<TimeSeriesRow> out) {
    flushClosedMinutes(s, id, wm, ctx, out);
    for (int i = 0; i < s.bucketCount(); i++) {
      if (s.level(i) != Rollup.MINUTE && s.dirty(i) && s.end(i) - 1 <= wm) {
        SeriesAggregate agg = s.take(i);
        if (s.level(i) == Rollup.QUARTER_HOUR) {
          byte[] minutes = MinuteCodec.encode(s.start(i), s.takeMinutes(s.start(i)));
          out.collect(TimeSeriesRow.minutes(id, s.start(i), agg.count(), minutes));
        }
        out.collect(TimeSeriesRow.rollup(s.level(i), id, s.start(i), agg));
      }
    }
    s.evictEndingBy(wm == Long.MAX_VALUE ? wm : wm + 1 - latenessMs);
  }

  /** Pending samples of every minute the watermark has passed: raw blocks, merged into buckets. */
  private static void flushClosedMinutes(
      SeriesState s, long id, long wm, OnTimerContext ctx, Collector<TimeSeriesRow> out) {
    s.sortPending();
    int n = 0;
    while (n < s.pendingCount
        && Rollup.MINUTE.bucketStart(s.pendingTimes[n]) + Rollup.RAW_BLOCK_MS - 1 <= wm) {
      n++;
    }
    for (int from = 0; from < n; ) {
      long minute = Rollup.MINUTE.bucketStart(s.pendingTimes[from]);
      int to = from + 1;
      while (to < n && s.pendingTimes[to] < minute + Rollup.RAW_BLOCK_MS) {
        to++;
      }
      byte[] block = BlockCodec.encode(minute, s.pendingTimes, s.pendingValues, from, to - from);
      out.collect(TimeSeriesRow.raw(id, minute, to - from, block));
      for (Rollup level : Rollup.values()) {
        long start = level.bucketStart(minute);
        boolean created = s.merge(level, start, from, to);
        long close = start + level.widthMs() - 1;
        if (created && close > wm && level != Rollup.MINUTE) {
          ctx.timerService().registerEventTimeTimer(close);
        }
      }
      from = to;
    }
    if (n > 0) {
      s.dropPending(n);
    }
  }
}
