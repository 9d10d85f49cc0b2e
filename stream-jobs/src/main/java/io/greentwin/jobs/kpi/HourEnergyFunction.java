package io.greentwin.jobs.kpi;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Stamps a level's summed minutes with the hour window they fill. */
final class HourEnergyFunction
    extends ProcessWindowFunction<LevelEnergy, LevelEnergy, String, TimeWindow> {
  @Override
  public void process(
      String levelId, Context ctx, Iterable<LevelEnergy> sums, Collector<LevelEnergy> out) {
    for (LevelEnergy e : sums) {
      out.collect(e.over(ctx.window().getStart(), ctx.window().getEnd()));
    }
  }
}
