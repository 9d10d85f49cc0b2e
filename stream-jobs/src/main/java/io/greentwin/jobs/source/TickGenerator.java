package io.greentwin.jobs.source;

import io.greentwin.campus.Campus;
import io.greentwin.sim.CampusSimulator;
import io.greentwin.sim.FaultPlan;
import io.greentwin.sim.ReadingSink;
import io.greentwin.sim.SensorFaults;
import java.time.Clock;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * Runs the campus simulator inside Flink's data generator: index {@code n} is tick {@code n}. The
 * simulator is deterministic, so when the generator asks for a tick it has not reached (after a
 * restore from a checkpoint) it re-simulates from the start, discarding, up to that tick.
 */
final class TickGenerator implements GeneratorFunction<Long, SimulatedTick> {
  private static final long serialVersionUID = 1L;

  private final SimulatorSpec spec;
  private final Clock clock;
  private transient Campus campus;
  private transient CampusSimulator sim;
  private transient LineCollector lines;
  private transient ReadingSink sink;

  TickGenerator(SimulatorSpec spec, Clock clock) {
    this.spec = spec;
    this.clock = clock;
  }

  @Override
  public void open(SourceReaderContext context) {
    campus = spec.campus();
    restart();
  }

  @Override
  public SimulatedTick map(Long index) {
    long tick = index;
    if (sim == null || tick < sim.nextTick()) {
      restart();
    }
    while (sim.nextTick() < tick) {
      sim.tick(sink);
      lines.drain();
    }
    sim.tick(sink);
    if (!sim.hasNext()) {
      sink.close();
    }
    return new SimulatedTick(tick, lines.drain(), clock.millis());
  }

  private void restart() {
    FaultPlan plan = spec.faults(campus);
    sim = spec.simulator(campus, plan);
    lines = new LineCollector();
    sink =
        plan.sensorFaults().isEmpty()
            ? lines
            : new SensorFaults(
                lines, plan, spec.settings().start().toEpochMilli(), sim.readingsPerTick());
  }
}
