package io.greentwin.jobs.source;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Splits a simulated tick into its raw messages, origin {@code simulator}. */
final class TickLines implements FlatMapFunction<SimulatedTick, RawReading> {
  static final String ORIGIN = "simulator";

  @Override
  public void flatMap(SimulatedTick tick, Collector<RawReading> out) {
    for (String line : tick.lines()) {
      out.collect(new RawReading(line, ORIGIN, tick.generatedMs()));
    }
  }
}
