package io.greentwin.jobs.sync;

import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the latest state of each thing (keyed by thing id) and sends it as one coalesced Ditto
 * merge per thing per interval: the first new value of an interval schedules a flush; the flush
 * merges every property that changed since the last one at {@code /}. A reading older than the
 * property's newest (by event time, then sequence number) is ignored and counted ({@code
 * staleReadings}), so out-of-order readings never take a twin back in time. Each merge stamps every
 * feature it touches with {@code observedAt} and is conditional on the twin not holding newer
 * readings of those features ({@link ObservedAt}), so a job restored from a checkpoint, replaying
 * readings the twin already has newer values of, does not take it back in time either. An
 * event-time timer at the end of time flushes what is pending when a bounded input ends.
 */
final class CoalesceFunction extends KeyedProcessFunction<String, Reading, TwinPatch> {
  private static final long serialVersionUID = 1L;
  private static final long END_OF_INPUT = Long.MAX_VALUE;

  private final long intervalMs;
  private final FlushTrigger trigger;
  private transient MapState<String, PropertyState> latest;
  private transient ValueState<Long> flushAt;
  private transient Counter stale;

  CoalesceFunction(Duration interval, FlushTrigger trigger) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("coalesce interval must be positive: " + interval);
    }
    this.intervalMs = interval.toMillis();
    this.trigger = trigger;
  }

  @Override
  public void open(OpenContext context) {
    latest =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "latest", Types.STRING, TypeInformation.of(PropertyState.class)));
    flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-at", Types.LONG));
    stale = getRuntimeContext().getMetricGroup().counter("staleReadings");
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<TwinPatch> out) throws Exception {
    String path = r.feature() + "/" + r.property();
    long eventMs = r.eventTime().toEpochMilli();
    PropertyState current = latest.get(path);
    if (current != null && !current.olderThan(eventMs, r.seq())) {
      stale.inc();
      return;
    }
    latest.put(path, new PropertyState(r.value(), eventMs, r.seq(), true));
    if (flushAt.value() == null) {
      schedule(ctx, eventMs);
    }
  }

  private void schedule(Context ctx, long eventMs) throws Exception {
    long at;
    if (trigger == FlushTrigger.PROCESSING_TIME) {
      at = ctx.timerService().currentProcessingTime() + intervalMs;
      ctx.timerService().registerProcessingTimeTimer(at);
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
    } else {
      at = Math.floorDiv(eventMs, intervalMs) * intervalMs + intervalMs - 1;
      ctx.timerService().registerEventTimeTimer(at);
    }
    flushAt.update(at);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TwinPatch> out)
      throws Exception {
    Long due = flushAt.value();
    boolean endOfInput = timestamp == END_OF_INPUT && ctx.timeDomain() == TimeDomain.EVENT_TIME;
    if (due == null || (due != timestamp && !endOfInput)) {
      return;
    }
    flushAt.clear();
    if (endOfInput && trigger == FlushTrigger.PROCESSING_TIME) {
      ctx.timerService().deleteProcessingTimeTimer(due);
    }
    flush(ctx.getCurrentKey(), out);
  }

  private void flush(String thingId, Collector<TwinPatch> out) throws Exception {
    Map<String, PropertyState> changed = new TreeMap<>();
    for (Map.Entry<String, PropertyState> e : latest.entries()) {
      if (e.getValue().pending()) {
        changed.put(e.getKey(), e.getValue());
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    long newestMs = Long.MIN_VALUE;
    Map<String, Long> oldestByFeature = new TreeMap<>();
    for (Map.Entry<String, PropertyState> e : changed.entrySet()) {
      latest.put(e.getKey(), e.getValue().sent());
      long ms = e.getValue().eventTimeMs();
      newestMs = Math.max(newestMs, ms);
      String feature = e.getKey().substring(0, e.getKey().indexOf('/'));
      oldestByFeature.merge(feature, ms, Math::min);
    }
    out.collect(
        new TwinPatch(
            thingId,
            "/",
            PatchJson.features(changed),
            false,
            newestMs,
            ObservedAt.condition(oldestByFeature)));
  }
}
