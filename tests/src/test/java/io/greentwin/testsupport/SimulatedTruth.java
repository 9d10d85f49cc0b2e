package io.greentwin.testsupport;

import io.greentwin.campus.Campus;
import io.greentwin.jobs.source.SimulatorSpec;
import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.sim.JsonLinesSink;
import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the twins must end with after a sync job over a simulation: the simulator run outside Flink,
 * every sensor's newest value and every feature's newest reading time.
 *
 * @param values thing id → {@code feature/property} → newest value
 * @param observedAt {@code thingId/feature} → the newest reading's time as {@link ObservedAt}
 *     writes it
 * @param readingsPerTick how many readings one tick of the simulation has
 */
public record SimulatedTruth(
    Map<String, Map<String, Double>> values, Map<String, String> observedAt, long readingsPerTick) {

  /** Runs the simulation of {@code spec} over {@code campus} to its end. */
  public static SimulatedTruth of(SimulatorSpec spec, Campus campus) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    spec.simulator(campus).runAll(new JsonLinesSink(bytes));
    ReadingJson parser = new ReadingJson();
    Map<String, Map<String, Double>> last = new HashMap<>();
    Map<String, Long> newest = new HashMap<>();
    java.util.Set<Long> ticks = new java.util.HashSet<>();
    long[] readings = {0};
    bytes
        .toString(StandardCharsets.UTF_8)
        .lines()
        .forEach(
            line -> {
              Reading r = parser.parse(line);
              readings[0]++;
              ticks.add(r.eventTime().toEpochMilli());
              last.computeIfAbsent(r.thingId(), k -> new TreeMap<>())
                  .put(r.feature() + "/" + r.property(), r.value());
              newest.merge(
                  r.thingId() + "/" + r.feature(), r.eventTime().toEpochMilli(), Math::max);
            });
    Map<String, String> observed = new HashMap<>();
    newest.forEach((k, ms) -> observed.put(k, ObservedAt.format(ms)));
    return new SimulatedTruth(last, observed, readings[0] / Math.max(1, ticks.size()));
  }
}
