package io.greentwin.jobs.incident;

import static io.greentwin.jobs.incident.Conditions.format;
import static io.greentwin.jobs.incident.Conditions.local;

import io.greentwin.jobs.incident.WatchedPoint.Limit;
import io.greentwin.sim.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per sensor (keyed by {@code thingId/feature/property}): its fixed limit (water class, allowable
 * inlet), its deviation from its usual value (flow loss, temperature rise), stuck values and
 * silence. Emits a {@link Condition} whenever one of them is raised or cleared. A reading not newer
 * than the sensor's newest is ignored: conditions follow the sensor's latest state.
 *
 * <p>Silence needs time to pass without readings, so it runs on event-time timers: each reading
 * sets a timer {@code silenceAfter} later; when the watermark passes it first, the sensor is silent
 * from when its next reading was due. When input ends (watermark at its maximum) nothing is
 * reported silent.
 */
final class SensorCheckFunction extends KeyedProcessFunction<String, Reading, Condition> {
  private final IncidentTopology topology;
  private final IncidentConfig config;
  private transient ValueState<Long> lastMs;
  private transient ValueState<Long> intervalMs;
  private transient ValueState<Long> silentSinceMs;
  private transient ValueState<Debounce> limit;
  private transient ValueState<Debounce> deviation;
  private transient ValueState<Baseline> baseline;
  private transient ValueState<StuckRun> stuck;

  SensorCheckFunction(IncidentTopology topology, IncidentConfig config) {
    this.topology = topology;
    this.config = config;
  }

  @Override
  public void open(OpenContext context) {
    lastMs = state("lastMs", Long.class);
    intervalMs = state("intervalMs", Long.class);
    silentSinceMs = state("silentSinceMs", Long.class);
    limit = state("limit", Debounce.class);
    deviation = state("deviation", Debounce.class);
    baseline = state("baseline", Baseline.class);
    stuck = state("stuck", StuckRun.class);
  }

  private <T> ValueState<T> state(String name, Class<T> type) {
    return getRuntimeContext().getState(new ValueStateDescriptor<>(name, type));
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<Condition> out) throws Exception {
    WatchedPoint w = topology.point(ctx.getCurrentKey()); // keyed by the reading's sensorKey()
    long t = r.eventTime().toEpochMilli();
    Long last = lastMs.value();
    if (last != null && t <= last) {
      return;
    }
    silence(w, last, t, ctx, out);
    if (w.limit() != Limit.NONE) {
      limit(w, r.value(), t, out);
    }
    if (w.deviation() != null) {
      deviation(w, r.value(), t, out);
    }
    if (w.stuck() != null) {
      stuck(w, r.value(), t, out);
    }
  }

  private void silence(WatchedPoint w, Long last, long t, Context ctx, Collector<Condition> out)
      throws Exception {
    long after = config.silenceAfter().toMillis();
    Long since = silentSinceMs.value();
    if (since == null && last != null && t - last > after) {
      // The watermark had not yet passed the silence when this reading came: report it now.
      since = dueAfter(last);
      out.collect(silent(w, true, since));
    }
    if (since != null) {
      out.collect(silent(w, false, t));
      silentSinceMs.clear();
    }
    if (last != null) {
      intervalMs.update(t - last);
      ctx.timerService().deleteEventTimeTimer(last + after);
    }
    lastMs.update(t);
    ctx.timerService().registerEventTimeTimer(t + after);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Condition> out)
      throws Exception {
    Long last = lastMs.value();
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    if (endOfInput || last == null || silentSinceMs.value() != null) {
      return;
    }
    if (last + config.silenceAfter().toMillis() == timestamp) {
      long since = dueAfter(last);
      silentSinceMs.update(since);
      out.collect(silent(topology.point(ctx.getCurrentKey()), true, since));
    }
  }

  /** When the reading after one at {@code lastMs} was due: one usual interval later. */
  private long dueAfter(long lastMs) throws Exception {
    Long interval = intervalMs.value();
    return lastMs + (interval == null ? 0 : interval);
  }

  private Condition silent(WatchedPoint w, boolean raised, long t) {
    String detail = raised ? local(w.thingId()) + " " + w.point() + " stopped reporting" : "";
    return Conditions.of(
        w,
        IncidentType.SENSOR_SILENT,
        Signal.ABNORMAL,
        w.thingId(),
        raised,
        true,
        t,
        Double.NaN,
        detail);
  }

  private void limit(WatchedPoint w, double v, long t, Collector<Condition> out) throws Exception {
    boolean water = w.limit() == Limit.WATER_SUPPLY;
    boolean abnormal =
        water ? v > config.waterLimitC() : v < config.airMinC() || v > config.airMaxC();
    Debounce before = orQuiet(limit.value());
    Debounce after = step(before, abnormal, t);
    limit.update(after);
    if (after.changedFrom(before)) {
      IncidentType type =
          water ? IncidentType.COOLANT_OVER_CLASS : IncidentType.RACK_INLET_OUT_OF_RANGE;
      String main = water ? w.loopId() : w.hallId();
      String detail =
          !after.active()
              ? ""
              : water
                  ? format(
                      "%s %s %.1f °C above the %s maximum of %.1f °C",
                      local(w.thingId()),
                      w.point(),
                      v,
                      config.waterClass(),
                      config.waterMaxSupplyC())
                  : format(
                      "%s inlet %.1f °C outside the %s allowable %.0f–%.0f °C",
                      local(w.thingId()), v, config.airClass(), config.airMinC(), config.airMaxC());
      out.collect(
          Conditions.of(
              w,
              type,
              Signal.ABNORMAL,
              main,
              after.active(),
              true,
              after.changedAtMs(),
              v,
              detail));
    }
  }

  private void deviation(WatchedPoint w, double v, long t, Collector<Condition> out)
      throws Exception {
    Baseline b = baseline.value() == null ? new Baseline(0, 0) : baseline.value();
    Debounce before = orQuiet(deviation.value());
    boolean abnormal = b.ready(config.baselineSamples()) && deviates(w.deviation(), v, b, before);
    Debounce after = step(before, abnormal, t);
    deviation.update(after);
    if (!abnormal && !after.active()) {
      baseline.update(b.with(v, config.baselineWeight()));
    }
    if (after.changedFrom(before)) {
      out.collect(
          Conditions.flowSignal(
              w, w.deviation(), after.active(), after.changedAtMs(), v, b.mean()));
    }
  }

  /** Whether a sample deviates; once raised, it must come halfway back to clear (hysteresis). */
  private boolean deviates(Signal signal, double v, Baseline b, Debounce state) {
    double share = state.active() ? 0.5 : 1.0;
    if (signal == Signal.FLOW_LOSS) {
      return b.mean() >= config.minFlowM3h()
          && v < b.mean() * (1 - config.flowLossFraction() * share);
    }
    return v > b.mean() + config.tempRiseK() * share;
  }

  private void stuck(WatchedPoint w, double v, long t, Collector<Condition> out) throws Exception {
    StuckRun before = stuck.value() == null ? new StuckRun(0, 0, 0, false, false) : stuck.value();
    StuckRun after = before.next(v, t);
    if (before.active() && !after.active()) {
      out.collect(stuckCondition(w, false, t, v));
    }
    WatchedPoint.StuckCheck check = w.stuck();
    if (!after.active()
        && !check.saturated(v)
        && after.stuck(config.stuckSamples(), check.afterMs(), t)) {
      after = after.reported();
      out.collect(stuckCondition(w, true, after.startMs(), v));
    }
    stuck.update(after);
  }

  private static Condition stuckCondition(WatchedPoint w, boolean raised, long t, double v) {
    String detail = raised ? format("%s %s stuck at %.2f", local(w.thingId()), w.point(), v) : "";
    return Conditions.of(
        w, IncidentType.SENSOR_STUCK, Signal.ABNORMAL, w.thingId(), raised, true, t, v, detail);
  }

  private Debounce step(Debounce d, boolean abnormal, long t) {
    return d.next(abnormal, t, config.raiseSamples(), 0, config.clearSamples());
  }

  private static Debounce orQuiet(Debounce d) {
    return d == null ? Debounce.QUIET : d;
  }
}
