package io.greentwin.jobs.incident;

import io.greentwin.campus.AssetKind;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.EventComparator;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * The Flink CEP pattern of a coolant flow loss followed by a temperature rise downstream of it
 * within a window, per cooling loop: the loop's flow loss (a pump trip) reaches every CDU zone of
 * the loop, a CDU's flow loss only its own racks. Input: the raised flow and temperature signals of
 * a loop. Output: the loss and the rise of each match, now allowed to open an incident (see {@link
 * #route}). Of signals at the same instant the most upstream comes first (pump, loop, CDU, rack),
 * so a pump that trips is the incident's main thing rather than the CDUs starved by it.
 */
final class FlowLossPattern {
  private FlowLossPattern() {}

  /** Matches {@code signals} (raised flow losses and temperature rises, keyed by loop). */
  static SingleOutputStreamOperator<Condition> openings(
      DataStream<Condition> signals, Duration window) {
    Pattern<Condition, Condition> pattern =
        Pattern.<Condition>begin("loss", AfterMatchSkipStrategy.skipPastLastEvent())
            .where(SimpleCondition.of(c -> c.signal() == Signal.FLOW_LOSS))
            .followedBy("rise")
            .where(new Downstream())
            .within(window);
    return CEP.pattern(signals.keyBy(c -> c.groupKey()), pattern, new Upstream())
        .process(new Openings())
        .name("incident-flow-loss-pattern")
        .uid("incident-flow-loss-pattern");
  }

  /**
   * Whether a condition feeds the pattern: a raised flow loss of a CDU or of the loop, or a raised
   * temperature rise. A pump's own flow loss does not: a standby pump stopping when the duty pump
   * is back looks the same as a trip, so a pump only joins an incident the loop's flow loss opens
   * (and is then its main thing, see {@link IncidentTracker}).
   */
  static boolean isInput(Condition c) {
    return c.raised() && c.signal() != Signal.ABNORMAL && c.kind() != AssetKind.PUMP;
  }

  /** A temperature rise in the zone of the match's flow loss. */
  static final class Downstream extends IterativeCondition<Condition> {
    @Override
    public boolean filter(Condition c, Context<Condition> ctx) throws Exception {
      if (c.signal() != Signal.TEMP_RISE) {
        return false;
      }
      for (Condition loss : ctx.getEventsForPattern("loss")) {
        if (loopWide(loss) || loss.zoneId().equals(c.zoneId())) {
          return true;
        }
      }
      return false;
    }
  }

  private static final List<AssetKind> FLOW_ORDER =
      List.of(AssetKind.PUMP, AssetKind.WATER_LOOP, AssetKind.CDU, AssetKind.RACK);

  /** Losses before rises, then pump, loop, CDU, rack, other kinds, then by thing id. */
  static final Comparator<Condition> UPSTREAM_FIRST =
      Comparator.comparing(Condition::signal)
          .thenComparingInt(FlowLossPattern::place)
          .thenComparing(Condition::thingId);

  private static int place(Condition c) {
    int i = FLOW_ORDER.indexOf(c.kind());
    return i < 0 ? FLOW_ORDER.size() : i;
  }

  static boolean loopWide(Condition c) {
    return c.kind() == AssetKind.PUMP || c.kind() == AssetKind.WATER_LOOP;
  }

  /** Same-instant order: losses before rises, upstream before downstream, then by thing id. */
  static final class Upstream implements EventComparator<Condition> {
    @Override
    public int compare(Condition a, Condition b) {
      return UPSTREAM_FIRST.compare(a, b);
    }
  }

  /**
   * Emits a match's loss and rise as conditions that open an incident: of the whole loop for a pump
   * or loop flow loss, of the CDU's zone for a CDU's.
   */
  static final class Openings extends PatternProcessFunction<Condition, Condition> {
    @Override
    public void processMatch(
        Map<String, List<Condition>> match, Context ctx, Collector<Condition> out) {
      Condition loss = match.get("loss").get(0);
      String group = loopWide(loss) ? loss.groupKey() : zoneGroup(loss);
      out.collect(loss.opening(group));
      out.collect(match.get("rise").get(0).opening(group));
    }
  }

  /** The incident group of a flow or temperature signal's CDU zone. */
  static String zoneGroup(Condition c) {
    return Conditions.group(IncidentType.COOLANT_FLOW_LOSS, c.zoneId());
  }

  /**
   * A loop's flow and temperature signals go to the loop's incident group and, for those of a CDU
   * zone, to the zone's as well: a pump trip is one incident of the whole loop, a stuck valve one
   * of its CDU's racks, and both can be open at once.
   */
  static void route(Condition c, Collector<Condition> out) {
    out.collect(c);
    if (c.signal() != Signal.ABNORMAL && !loopWide(c)) {
      out.collect(c.inGroup(zoneGroup(c)));
    }
  }
}
