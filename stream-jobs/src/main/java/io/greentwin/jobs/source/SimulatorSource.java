package io.greentwin.jobs.source;

import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The campus simulator as a Flink source: Flink's {@link DataGeneratorSource} asks a {@link
 * TickGenerator} for one tick at a time (rate-limited to the spec's speed), and each tick is split
 * into raw JSON lines encoded by the simulator's own encoder, so they take the same parse path as
 * MQTT messages and files. Parallelism 1: the simulation is one sequential, deterministic process.
 */
public final class SimulatorSource implements RawSource {
  static final String UID = "simulator-source";

  private final SimulatorSpec spec;
  private final Clock clock;

  public SimulatorSource(SimulatorSpec spec, Clock clock) {
    this.spec = spec;
    this.clock = clock;
  }

  /** The underlying FLIP-27 source of whole ticks. */
  public DataGeneratorSource<SimulatedTick> tickSource() {
    long ticks = spec.bounded() ? spec.settings().ticks() : Long.MAX_VALUE;
    RateLimiterStrategy<?> rate =
        spec.speed() > 0
            ? RateLimiterStrategy.perSecond(spec.speed() * 1000.0 / spec.interval().toMillis())
            : RateLimiterStrategy.noOp();
    return new DataGeneratorSource<>(
        new TickGenerator(spec, clock), ticks, rate, TypeInformation.of(SimulatedTick.class));
  }

  @Override
  public DataStream<RawReading> open(StreamExecutionEnvironment env) {
    return env.fromSource(tickSource(), WatermarkStrategy.noWatermarks(), "simulator")
        .uid(UID)
        .setParallelism(1)
        .flatMap(new TickLines())
        .name("simulator-lines")
        .setParallelism(1);
  }
}
