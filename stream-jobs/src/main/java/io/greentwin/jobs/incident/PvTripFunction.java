package io.greentwin.jobs.incident;

import static io.greentwin.jobs.incident.Conditions.format;
import static io.greentwin.jobs.incident.Conditions.local;

import io.greentwin.campus.AssetKind;
import io.greentwin.sim.Reading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per PV array (keyed by the array's thing id): an inverter whose AC power is zero while the
 * array's plane-of-array irradiance is high has tripped. Readings wait for the watermark, then each
 * inverter reading is judged against the array's irradiance at the same instant (or the newest
 * before it), in event-time order; conditions are debounced per inverter.
 */
final class PvTripFunction extends KeyedProcessFunction<String, Reading, Condition> {
  static final String IRRADIANCE = "irradiance/poaWm2";
  static final String AC_POWER = "ac/powerKw";

  private final IncidentTopology topology;
  private final IncidentConfig config;
  private transient MapState<Long, Double> irradianceAt;
  private transient ValueState<Double> lastIrradianceWm2;
  private transient ListState<PendingAc> pending;
  private transient MapState<String, Debounce> inverters;

  PvTripFunction(IncidentTopology topology, IncidentConfig config) {
    this.topology = topology;
    this.config = config;
  }

  /** Whether a reading is one this function judges: array irradiance or inverter AC power. */
  static boolean judges(WatchedPoint w) {
    return w.kind() == AssetKind.PV_ARRAY && w.point().equals(IRRADIANCE)
        || w.kind() == AssetKind.PV_INVERTER && w.point().equals(AC_POWER);
  }

  @Override
  public void open(OpenContext context) {
    var rc = getRuntimeContext();
    irradianceAt =
        rc.getMapState(new MapStateDescriptor<>("irradianceAt", Long.class, Double.class));
    lastIrradianceWm2 = rc.getState(new ValueStateDescriptor<>("lastIrradianceWm2", Double.class));
    pending = rc.getListState(new ListStateDescriptor<>("pendingAc", PendingAc.class));
    inverters = rc.getMapState(new MapStateDescriptor<>("inverters", String.class, Debounce.class));
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<Condition> out) throws Exception {
    long t = r.eventTime().toEpochMilli();
    if (topology.point(r).kind() == AssetKind.PV_ARRAY) {
      irradianceAt.put(t, r.value());
    } else {
      pending.add(new PendingAc(r.thingId(), t, r.value()));
    }
    ctx.timerService().registerEventTimeTimer(t);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Condition> out)
      throws Exception {
    List<Long> past = new ArrayList<>();
    Long newest = null;
    for (Long t : irradianceAt.keys()) {
      if (t <= timestamp) {
        past.add(t);
        newest = newest == null || t > newest ? t : newest;
      }
    }
    if (newest != null) {
      lastIrradianceWm2.update(irradianceAt.get(newest));
    }
    for (Long t : past) {
      irradianceAt.remove(t);
    }
    List<PendingAc> due = new ArrayList<>();
    List<PendingAc> later = new ArrayList<>();
    for (PendingAc p : pending.get()) {
      (p.timeMs() <= timestamp ? due : later).add(p);
    }
    pending.update(later);
    due.sort(Comparator.comparingLong(PendingAc::timeMs).thenComparing(PendingAc::inverterId));
    for (PendingAc p : due) {
      judge(p, ctx.getCurrentKey(), out);
    }
  }

  private void judge(PendingAc p, String array, Collector<Condition> out) throws Exception {
    Double poa = lastIrradianceWm2.value();
    boolean sunny = poa != null && poa >= config.pvMinIrradianceWm2();
    boolean abnormal = sunny && p.acKw() <= config.pvMaxAcKw();
    Debounce before = inverters.get(p.inverterId());
    before = before == null ? Debounce.QUIET : before;
    Debounce after =
        before.next(abnormal, p.timeMs(), config.raiseSamples(), 0, config.clearSamples());
    inverters.put(p.inverterId(), after);
    if (after.changedFrom(before)) {
      String detail =
          after.active()
              ? format(
                  "%s AC %.1f kW with %.0f W/m2 on %s",
                  local(p.inverterId()), p.acKw(), poa, local(array))
              : "";
      out.collect(
          Conditions.of(
              topology.point(p.inverterId() + "/" + AC_POWER),
              IncidentType.PV_INVERTER_TRIP,
              Signal.ABNORMAL,
              array,
              after.active(),
              true,
              after.changedAtMs(),
              p.acKw(),
              detail));
    }
  }
}
