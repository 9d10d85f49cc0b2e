package io.greentwin.jobs.incident;

import io.greentwin.campus.AssetKind;
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
 * Per incident group (keyed by {@link Condition#groupKey()}): turns conditions into incidents. A
 * raised condition that may open one opens an incident when none is open, else joins it; the
 * incident closes when every condition that joined it has cleared. Conditions wait for the
 * watermark and are applied in the event-time order they became known in (a debounced condition is
 * known a few samples after it started), then in the order they happened (at one instant: clears,
 * then the sensors' raises, then the pattern's output; losses before rises, upstream before
 * downstream), so the result does not depend on how the inputs interleave. Emits the incident when
 * it opens, whenever it involves more things, and when it closes.
 *
 * <p>Flow and temperature signals are opened by the flow-loss pattern, whose output comes only once
 * the pattern has seen the rise: when it opens an incident, the loop's signals raised within the
 * pattern's window before it join at once.
 */
final class IncidentTracker extends KeyedProcessFunction<String, Condition, Incident> {
  private static final Comparator<KnownCondition> ORDER =
      Comparator.comparingLong(KnownCondition::knownAtMs)
          .thenComparing(
              KnownCondition::condition,
              Comparator.comparingLong(Condition::timeMs)
                  .thenComparingInt(IncidentTracker::rank)
                  .thenComparing(FlowLossPattern.UPSTREAM_FIRST)
                  .thenComparing(Condition::point));

  private final long marginMs;
  private final long recentMs;
  private transient ListState<KnownCondition> waiting;
  private transient MapState<String, Condition> raised;
  private transient MapState<String, Long> active;
  private transient ValueState<Incident> incident;
  private transient ValueState<Long> lastClearMs;

  /**
   * @param marginMs added around an incident's replay window
   * @param recentMs how far back raised flow signals join an incident the pattern opens
   */
  IncidentTracker(long marginMs, long recentMs) {
    this.marginMs = marginMs;
    this.recentMs = recentMs;
  }

  @Override
  public void open(OpenContext context) {
    var rc = getRuntimeContext();
    waiting = rc.getListState(new ListStateDescriptor<>("waiting", KnownCondition.class));
    raised = rc.getMapState(new MapStateDescriptor<>("raised", String.class, Condition.class));
    active = rc.getMapState(new MapStateDescriptor<>("active", String.class, Long.class));
    incident = rc.getState(new ValueStateDescriptor<>("incident", Incident.class));
    lastClearMs = rc.getState(new ValueStateDescriptor<>("lastClearMs", Long.class));
  }

  @Override
  public void processElement(Condition c, Context ctx, Collector<Incident> out) throws Exception {
    Long at = ctx.timestamp();
    long knownAt = at == null ? c.timeMs() : Math.max(at, c.timeMs());
    waiting.add(new KnownCondition(knownAt, c));
    ctx.timerService().registerEventTimeTimer(knownAt);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Incident> out)
      throws Exception {
    List<KnownCondition> due = new ArrayList<>();
    List<KnownCondition> later = new ArrayList<>();
    for (KnownCondition k : waiting.get()) {
      (k.knownAtMs() <= timestamp ? due : later).add(k);
    }
    waiting.update(later);
    due.sort(ORDER);
    Incident before = incident.value();
    Incident current = before;
    for (KnownCondition k : due) {
      current = apply(current, k.condition());
      if (current != null && !current.open()) {
        out.collect(current);
        current = null;
        before = null;
      }
    }
    if (current == null) {
      incident.clear();
    } else {
      incident.update(current);
      if (!current.equals(before)) {
        out.collect(current);
      }
    }
  }

  private Incident apply(Incident current, Condition c) throws Exception {
    if (fromPattern(c)) {
      if (current != null) {
        return join(current, c, raised.contains(c.key()));
      }
      return c.signal() == Signal.FLOW_LOSS ? openFromPattern(c) : null;
    }
    if (!c.raised()) {
      raised.remove(c.key());
      lastClearMs.update(Math.max(c.timeMs(), orZero(lastClearMs.value())));
      if (current != null && active.contains(c.key())) {
        active.remove(c.key());
        if (active.isEmpty()) {
          return current.closed(c.timeMs(), marginMs);
        }
      }
      return current;
    }
    raised.put(c.key(), c);
    if (current == null && c.opens()) {
      active.clear();
      return join(opening(c), c, true);
    }
    return current == null ? null : join(current, c, true);
  }

  /**
   * An incident the pattern opens: the group's recently raised signals join it at once. A pump
   * whose flow dropped with the loop's is the cause, and the incident's main thing.
   */
  private Incident openFromPattern(Condition loss) throws Exception {
    active.clear();
    Condition pump = loss.kind() == AssetKind.WATER_LOOP ? pumpLossWith(loss) : null;
    Incident current =
        pump == null
            ? join(opening(loss), loss, raised.contains(loss.key()))
            : join(opening(pump), pump, true).involving(loss.thingId());
    if (pump != null) {
      current = join(current, loss, raised.contains(loss.key()));
    }
    for (Condition c : raised.values()) {
      if (c.timeMs() >= loss.timeMs() - recentMs) {
        current = join(current, c, true);
      }
    }
    if (active.isEmpty()) {
      // Everything had cleared again before the pattern saw the rise.
      return current.closed(orZero(lastClearMs.value()), marginMs);
    }
    return current;
  }

  /** The pump whose flow loss started closest before (or with) a loop's, within the window. */
  private Condition pumpLossWith(Condition loss) throws Exception {
    Condition best = null;
    for (Condition c : raised.values()) {
      boolean candidate =
          c.kind() == AssetKind.PUMP
              && c.signal() == Signal.FLOW_LOSS
              && c.timeMs() <= loss.timeMs()
              && c.timeMs() >= loss.timeMs() - recentMs;
      if (candidate && (best == null || c.timeMs() > best.timeMs())) {
        best = c;
      }
    }
    return best;
  }

  private Incident opening(Condition c) {
    return Incident.open(
        c.type(), c.timeMs(), c.mainThingId(), marginMs, c.type().title() + ": " + c.detail());
  }

  private Incident join(Incident current, Condition c, boolean stillRaised) throws Exception {
    if (stillRaised) {
      active.put(c.key(), c.timeMs());
    }
    Incident joined = current.involving(c.thingId()).involving(c.relatedThingId());
    if (fromPattern(c) && c.signal() == Signal.TEMP_RISE && !joined.summary().contains("; then ")) {
      joined = joined.summarised("; then " + c.detail());
    }
    return joined;
  }

  /** True for the flow-loss pattern's output (flow signals only open through it). */
  private static boolean fromPattern(Condition c) {
    return c.opens() && c.signal() != Signal.ABNORMAL;
  }

  /** At one instant: clears first, then sensors' raises, then the pattern's output. */
  private static int rank(Condition c) {
    return !c.raised() ? 0 : fromPattern(c) ? 2 : 1;
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }
}
