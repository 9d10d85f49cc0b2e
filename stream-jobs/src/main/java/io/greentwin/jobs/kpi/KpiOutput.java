package io.greentwin.jobs.kpi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.kpi.KpiCalculator;
import io.greentwin.sim.Reading;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a level's window KPIs as a twin merge and as readings. The twin gets one object per period
 * under {@code /features/kpi/properties}: {@code minute} for the last complete minute and {@code
 * hour} for the last complete hour, each with {@code period}, {@code windowStart}, {@code
 * windowEnd}, whether values are {@code allocated}, and the values of {@link KpiValues} (NaN as
 * null). The readings (feature {@code kpi}) name the period in the property, e.g. {@code pue_1m},
 * {@code itPowerKw_1h}, stamped with the window end (interval-ending, as meter data are: the value
 * of [10:00, 10:01) is stored at 10:01), the window index as sequence number. Stamped so, a
 * window's readings are never behind the job's watermark when they are emitted (the window fires as
 * the watermark reaches its end), so they join the time series of the raw readings on time.
 */
final class KpiOutput implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The twin feature the KPIs are written to. */
  static final String FEATURE = "kpi";

  private final KpiConfig config;
  private transient KpiCalculator calculator;

  KpiOutput(KpiConfig config) {
    this.config = config;
  }

  private List<KpiValues.Value> values(LevelEnergy e) {
    if (calculator == null) {
      calculator = new KpiCalculator(config.boundary());
    }
    return KpiValues.of(e, calculator, config.gridFactorKgPerKwh());
  }

  /** {@code 1m} or {@code 1h}: the window's length. */
  static String period(LevelEnergy e) {
    long ms = e.windowEndMs() - e.windowStartMs();
    return ms % 3_600_000 == 0 ? ms / 3_600_000 + "h" : ms / 60_000 + "m";
  }

  /** The twin merge of a level's window. */
  TwinPatch patch(LevelEnergy e) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("period", period(e));
    p.put("windowStart", Instant.ofEpochMilli(e.windowStartMs()).toString());
    p.put("windowEnd", Instant.ofEpochMilli(e.windowEndMs()).toString());
    p.put("allocated", e.allocated());
    for (KpiValues.Value v : values(e)) {
      if (Double.isFinite(v.value())) {
        p.put(v.name(), v.value());
      } else {
        p.putNull(v.name());
      }
    }
    ObjectNode properties = JsonNodeFactory.instance.objectNode();
    properties.set(e.windowEndMs() - e.windowStartMs() >= 3_600_000 ? "hour" : "minute", p);
    return new TwinPatch(
        e.levelId(),
        "/features/" + FEATURE + "/properties",
        properties.toString(),
        false,
        e.windowEndMs() - 1);
  }

  /** The KPI readings of a level's window; undefined values are left out. */
  List<Reading> readings(LevelEnergy e) {
    String suffix = "_" + period(e);
    Instant at = Instant.ofEpochMilli(e.windowEndMs());
    long seq = e.windowStartMs() / (e.windowEndMs() - e.windowStartMs());
    List<Reading> out = new ArrayList<>();
    for (KpiValues.Value v : values(e)) {
      if (Double.isFinite(v.value())) {
        out.add(new Reading(e.levelId(), FEATURE, v.name() + suffix, v.value(), v.unit(), at, seq));
      }
    }
    return out;
  }
}
