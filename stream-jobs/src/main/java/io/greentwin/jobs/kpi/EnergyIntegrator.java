package io.greentwin.jobs.kpi;

import io.greentwin.sim.Reading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Integrates one sensor's power (or water flow) over event time, minute by minute, by sample and
 * hold: each value counts from its reading until the next reading (or for at most the maximum
 * hold), so unevenly sampled sensors weigh right. Keyed by sensor. Readings wait in state until the
 * watermark passes the end of their minute, then are applied in event-time order; when it passes,
 * the minute's energy is emitted as one {@link EnergySlice} stamped with the minute's last
 * millisecond, so the campus's minute window gets it. A reading older than what was already
 * accounted goes to {@link #LATE}.
 */
final class EnergyIntegrator extends KeyedProcessFunction<String, Reading, EnergySlice> {
  static final long MINUTE_MS = 60_000;

  /** Readings that arrived after their minute was closed. */
  static final OutputTag<Reading> LATE = new OutputTag<>("kpi-late-readings") {};

  private final KpiTopology topology;
  private final long maxHoldMs;
  private transient ValueState<Hold> hold;
  private transient ListState<TimedValue> pending;
  private transient ValueState<KpiInput> input;

  EnergyIntegrator(KpiTopology topology, long maxHoldMs) {
    this.topology = topology;
    this.maxHoldMs = maxHoldMs;
  }

  @Override
  public void open(OpenContext context) {
    hold = getRuntimeContext().getState(new ValueStateDescriptor<>("hold", Hold.class));
    pending =
        getRuntimeContext().getListState(new ListStateDescriptor<>("pending", TimedValue.class));
    input = getRuntimeContext().getState(new ValueStateDescriptor<>("input", KpiInput.class));
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<EnergySlice> out) throws Exception {
    long t = r.eventTime().toEpochMilli();
    Hold h = hold.value();
    if (h != null && t < h.accountedToMs()) {
      ctx.output(LATE, r);
      return;
    }
    if (input.value() == null) {
      input.update(topology.input(r));
    }
    pending.add(new TimedValue(t, r.value(), r.seq()));
    ctx.timerService().registerEventTimeTimer(minuteStart(t) + MINUTE_MS - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<EnergySlice> out)
      throws Exception {
    long boundary = timestamp + 1;
    List<TimedValue> due = new ArrayList<>();
    List<TimedValue> later = new ArrayList<>();
    for (TimedValue v : pending.get()) {
      (v.timeMs() < boundary ? due : later).add(v);
    }
    due.sort(Comparator.comparingLong(TimedValue::timeMs).thenComparingLong(TimedValue::seq));
    Hold h = hold.value();
    double amount = 0;
    for (TimedValue v : due) {
      if (h == null) {
        h = Hold.first(v.timeMs(), v.value());
      } else {
        amount += h.amountUntil(v.timeMs(), maxHoldMs);
        h = h.next(v.timeMs(), v.value());
      }
    }
    if (h == null) {
      return;
    }
    amount += h.amountUntil(boundary, maxHoldMs);
    h = h.accountedTo(boundary);
    hold.update(h);
    pending.update(later);
    KpiInput in = input.value();
    out.collect(EnergySlice.of(in.levelId(), in.quantity(), boundary - MINUTE_MS, amount));
    // Every minute a held value or a waiting reading spans gets its own timer, so each slice is
    // stamped with its own minute. At the end of input (watermark at its maximum) a hold stops
    // with the last reading's minute instead of running on past the data.
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    if (h.holdsAt(boundary, maxHoldMs) && !endOfInput || !later.isEmpty()) {
      ctx.timerService().registerEventTimeTimer(boundary + MINUTE_MS - 1);
    }
  }

  static long minuteStart(long timeMs) {
    return Math.floorDiv(timeMs, MINUTE_MS) * MINUTE_MS;
  }
}
