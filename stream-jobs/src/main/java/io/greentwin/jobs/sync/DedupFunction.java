package io.greentwin.jobs.sync;

import io.greentwin.jobs.deadletter.DeadLetter;
import io.greentwin.sim.Reading;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops duplicate readings, keyed by thing: per sensor ({@code feature/property}) a {@link
 * SeqWindow} of the recent sequence numbers seen. A late reading the window still covers passes (it
 * is new, only late); one further behind than the window can tell goes to the dead letters as
 * {@code too-late}. Duplicates are counted ({@code duplicateReadings}). The windows expire after
 * the state TTL without a reading; the sensors are bounded anyway by the campus catalogue, since
 * only validated readings arrive here.
 */
final class DedupFunction extends KeyedProcessFunction<String, Reading, Reading> {
  private static final long serialVersionUID = 1L;

  private final Duration stateTtl;
  private transient MapState<String, SeqWindow> windows;
  private transient Counter duplicates;

  DedupFunction(Duration stateTtl) {
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext context) {
    MapStateDescriptor<String, SeqWindow> descriptor =
        new MapStateDescriptor<>("seq-windows", Types.STRING, TypeInformation.of(SeqWindow.class));
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(stateTtl)
            .updateTtlOnCreateAndWrite()
            .neverReturnExpired()
            .build());
    windows = getRuntimeContext().getMapState(descriptor);
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateReadings");
  }

  @Override
  public void processElement(Reading r, Context ctx, Collector<Reading> out) throws Exception {
    String sensor = r.feature() + "/" + r.property();
    SeqWindow window = windows.get(sensor);
    if (window == null) {
      windows.put(sensor, SeqWindow.first(r.seq()));
      out.collect(r);
      return;
    }
    switch (window.judge(r.seq())) {
      case NEW -> {
        windows.put(sensor, window.see(r.seq()));
        out.collect(r);
      }
      case DUPLICATE -> duplicates.inc();
      case TOO_OLD ->
          ctx.output(
              ParseFunction.DEAD_LETTERS,
              new DeadLetter(
                  ReadingText.json(r),
                  "too-late: seq "
                      + r.seq()
                      + " is "
                      + SeqWindow.SIZE
                      + " or more behind the newest, "
                      + window.newestSeq()
                      + ", of "
                      + r.sensorKey()
                      + ": a duplicate cannot be told from a new reading",
                  "dedup",
                  ctx.timerService().currentProcessingTime()));
    }
  }
}
