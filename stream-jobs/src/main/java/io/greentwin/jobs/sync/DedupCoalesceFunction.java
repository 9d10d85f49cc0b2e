package io.greentwin.jobs.sync;

import io.greentwin.campus.AssetKind;
import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * De-duplicates a thing's readings and sends its latest state as one coalesced Ditto merge per
 * interval, keyed by thing, with one {@link SensorTable} of state per thing (one state access per
 * reading).
 *
 * <p><b>De-duplication.</b> Per sensor a {@link SeqWindow} of the recent sequence numbers seen. A
 * late reading the window still covers passes (it is new, only late); one further behind than the
 * window can tell goes to the dead letters as {@code too-late}. Duplicates are counted ({@code
 * duplicateReadings}). What passes is the main output: the validated, de-duplicated readings.
 *
 * <p><b>Coalescing.</b> The first new value of an interval schedules a flush; the flush merges
 * every property that changed since the last one at {@code /} ({@link #MERGES}). A reading older
 * than the property's newest (by event time, then sequence number) is not merged and is counted
 * ({@code staleReadings}), so out-of-order readings never take a twin back in time. Each merge
 * stamps every feature it touches with {@code observedAt} and is conditional on the twin not
 * holding newer readings of those features ({@link ObservedAt}), so a job restored from a
 * checkpoint, replaying readings the twin already has newer values of, does not take it back in
 * time either. An event-time timer at the end of time flushes what is pending when a bounded input
 * ends.
 */
final class DedupCoalesceFunction extends KeyedProcessFunction<String, Reading, Reading> {
  private static final long serialVersionUID = 1L;
  private static final long END_OF_INPUT = Long.MAX_VALUE;

  /** The coalesced merges. */
  static final OutputTag<TwinPatch> MERGES =
      new OutputTag<>("twin-merges", TypeInformation.of(TwinPatch.class));

  private final SensorCatalogue catalogue;
  private final long intervalMs;
  private final FlushTrigger trigger;
  private transient Map<AssetKind, SensorLayout> layouts;
  private transient ValueState<SensorTable> tables;
  private transient Counter duplicates;
  private transient Counter stale;

  DedupCoalesceFunction(SensorCatalogue catalogue, Duration interval, FlushTrigger trigger) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("coalesce interval must be positive: " + interval);
    }
    this.catalogue = catalogue;
    this.intervalMs = interval.toMillis();
    this.trigger = trigger;
  }

  @Override
  public void open(OpenContext context) {
    layouts = SensorLayout.ofEveryKind();
    tables =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("sensors", TypeInformation.of(SensorTable.class)));
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateReadings");
    stale = getRuntimeContext().getMetricGroup().counter("staleReadings");
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<Reading> out) throws Exception {
    SensorLayout layout = layout(r.thingId());
    int i = layout == null ? -1 : layout.ordinal(r.feature(), r.property());
    if (i < 0) {
      deadLetter(r, "unknown-point: not in the catalogue the job was built with", ctx);
      return;
    }
    SensorTable table = tables.value();
    table = table == null ? SensorTable.of(layout) : table.alignedTo(layout);
    switch (table.judge(i, r.seq())) {
      case DUPLICATE -> {
        duplicates.inc();
        return;
      }
      case TOO_OLD -> {
        deadLetter(r, tooLate(r, table.window(i)), ctx);
        return;
      }
      case NEW -> table.see(i, r.seq());
    }
    out.collect(r);
    long eventMs = r.eventTime().toEpochMilli();
    if (!table.offer(i, r.value(), eventMs, r.seq())) {
      stale.inc();
    } else if (table.flushAtMs == SensorTable.NO_FLUSH) {
      table.flushAtMs = schedule(ctx, eventMs);
    }
    tables.update(table);
  }

  private SensorLayout layout(String thingId) {
    AssetKind kind = catalogue.kindOf(thingId);
    return kind == null ? null : layouts.get(kind);
  }

  private long schedule(Context ctx, long eventMs) {
    if (trigger == FlushTrigger.PROCESSING_TIME) {
      long at = ctx.timerService().currentProcessingTime() + intervalMs;
      ctx.timerService().registerProcessingTimeTimer(at);
      ctx.timerService().registerEventTimeTimer(END_OF_INPUT);
      return at;
    }
    long at = Math.floorDiv(eventMs, intervalMs) * intervalMs + intervalMs - 1;
    ctx.timerService().registerEventTimeTimer(at);
    return at;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Reading> out) throws Exception {
    SensorTable table = tables.value();
    boolean endOfInput = timestamp == END_OF_INPUT && ctx.timeDomain() == TimeDomain.EVENT_TIME;
    if (table == null
        || table.flushAtMs == SensorTable.NO_FLUSH
        || (table.flushAtMs != timestamp && !endOfInput)) {
      return;
    }
    if (endOfInput && trigger == FlushTrigger.PROCESSING_TIME) {
      ctx.timerService().deleteProcessingTimeTimer(table.flushAtMs);
    }
    table.flushAtMs = SensorTable.NO_FLUSH;
    String thingId = ctx.getCurrentKey();
    SensorLayout layout = layout(thingId);
    if (layout != null) {
      table = table.alignedTo(layout);
      TwinPatch merge = PatchJson.take(thingId, table, layout);
      if (merge != null) {
        ctx.output(MERGES, merge);
      }
    }
    tables.update(table);
  }

  private static String tooLate(Reading r, SeqWindow window) {
    return "too-late: seq "
        + r.seq()
        + " is "
        + SeqWindow.SIZE
        + " or more behind the newest, "
        + window.newestSeq()
        + ", of "
        + r.sensorKey()
        + ": a duplicate cannot be told from a new reading";
  }

  private static void deadLetter(Reading r, String reason, Context ctx) {
    ctx.output(
        ParseFunction.DEAD_LETTERS,
        new DeadLetter(
            ReadingText.json(r), reason, "dedup", ctx.timerService().currentProcessingTime()));
  }
}
