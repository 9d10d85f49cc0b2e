package io.greentwin.jobs.kpi;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Gathers one minute's slices of the whole campus (one key) and emits the energies of every hall,
 * building and the site for that minute. A minute holds one slice per power sensor, a few hundred
 * on the demo campus, so a single key is no bottleneck.
 */
final class MinuteEnergyFunction
    extends ProcessWindowFunction<EnergySlice, LevelEnergy, String, TimeWindow> {
  private final LevelAllocator allocator;

  MinuteEnergyFunction(LevelAllocator allocator) {
    this.allocator = allocator;
  }

  @Override
  public void process(
      String key, Context ctx, Iterable<EnergySlice> slices, Collector<LevelEnergy> out) {
    Map<String, double[]> amounts = new HashMap<>();
    int quantities = Quantity.values().length;
    for (EnergySlice s : slices) {
      amounts.computeIfAbsent(s.levelId(), k -> new double[quantities])[s.quantity().ordinal()] +=
          s.amount();
    }
    TimeWindow w = ctx.window();
    allocator.allocate(amounts, w.getStart(), w.getEnd()).forEach(out::collect);
  }
}
