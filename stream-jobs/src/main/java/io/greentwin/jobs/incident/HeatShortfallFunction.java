package io.greentwin.jobs.incident;

import static io.greentwin.jobs.incident.Conditions.format;
import static io.greentwin.jobs.incident.Conditions.local;

import io.greentwin.campus.AssetKind;
import io.greentwin.sim.Reading;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per heat export (keyed by its thing id): heat delivered at the meter against what was offered and
 * demanded at the same instant. Delivering less than {@code 1 - heatShortfallFraction} of
 * min(offer, demand) for at least {@code heatWindow} raises a shortfall; a customer that asks for
 * less than the offer is not short-changed. The three readings of an instant wait for the watermark
 * and are judged together, in event-time order; an instant missing one is skipped.
 */
final class HeatShortfallFunction extends KeyedProcessFunction<String, Reading, Condition> {
  private final IncidentTopology topology;
  private final IncidentConfig config;
  private transient MapState<Long, HeatSample> samples;
  private transient ValueState<Debounce> state;

  HeatShortfallFunction(IncidentTopology topology, IncidentConfig config) {
    this.topology = topology;
    this.config = config;
  }

  /** Whether a reading is one this function judges. */
  static boolean judges(WatchedPoint w) {
    return w.kind() == AssetKind.HEAT_EXPORT
        && (w.point().equals(HeatSample.DELIVERED)
            || w.point().equals(HeatSample.OFFERED)
            || w.point().equals(HeatSample.DEMAND));
  }

  @Override
  public void open(OpenContext context) {
    var rc = getRuntimeContext();
    samples = rc.getMapState(new MapStateDescriptor<>("samples", Long.class, HeatSample.class));
    state = rc.getState(new ValueStateDescriptor<>("shortfall", Debounce.class));
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<Condition> out) throws Exception {
    long t = r.eventTime().toEpochMilli();
    HeatSample s = samples.get(t);
    samples.put(
        t, (s == null ? HeatSample.at(t) : s).with(r.feature() + "/" + r.property(), r.value()));
    ctx.timerService().registerEventTimeTimer(t);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Condition> out)
      throws Exception {
    HeatSample s = samples.get(timestamp);
    samples.remove(timestamp);
    if (s == null || !s.complete()) {
      return;
    }
    double expected = s.expectedKw();
    boolean abnormal =
        expected >= config.heatMinExpectedKw()
            && s.deliveredKw() < expected * (1 - config.heatShortfallFraction());
    Debounce before = state.value() == null ? Debounce.QUIET : state.value();
    Debounce after =
        before.next(
            abnormal,
            timestamp,
            config.raiseSamples(),
            config.heatWindow().toMillis(),
            config.clearSamples());
    state.update(after);
    if (after.changedFrom(before)) {
      WatchedPoint w = topology.point(ctx.getCurrentKey() + "/" + HeatSample.DELIVERED);
      String detail =
          after.active()
              ? format(
                  "%s delivered %.0f kW of %.0f kW offered and demanded",
                  local(w.thingId()), s.deliveredKw(), expected)
              : "";
      out.collect(
          Conditions.of(
              w,
              IncidentType.HEAT_EXPORT_SHORTFALL,
              Signal.ABNORMAL,
              w.thingId(),
              after.active(),
              true,
              after.changedAtMs(),
              s.deliveredKw(),
              detail));
    }
  }
}
