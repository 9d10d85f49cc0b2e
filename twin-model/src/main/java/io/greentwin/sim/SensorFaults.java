package io.greentwin.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Injects sensor and message faults between the simulator and a sink: stuck values, spikes,
 * drop-outs, duplicates, out-of-order delivery, clock skew and malformed messages, each while its
 * fault is active. Deterministic: what it does depends only on the plan and the readings.
 */
public final class SensorFaults implements ReadingSink {
  private final ReadingSink next;
  private final List<Fault> faults;
  private final long startMs;
  private final double[] stuck;
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private final List<Fault> active = new ArrayList<>();
  private long currentTick;
  private boolean fresh = true;
  private long malformedCount;

  private record Held(SensorPoint point, double value, long timeMs, long seq, long releaseTick) {}

  public SensorFaults(ReadingSink next, FaultPlan plan, long startMs, int sensorCount) {
    this.next = next;
    this.faults = plan.sensorFaults();
    this.startMs = startMs;
    this.stuck = new double[sensorCount];
    Arrays.fill(stuck, Double.NaN);
  }

  @Override
  public void accept(SensorPoint p, double value, long eventTimeMs, long seq) {
    if (fresh) {
      refreshActive(eventTimeMs - startMs);
    }
    double v = value;
    long time = eventTimeMs;
    int copies = 1;
    for (Fault f : active) {
      if (f.thingId() != null && !f.thingId().equals(p.thingId()) || !coversPoint(f, p)) {
        continue;
      }
      switch (f.type()) {
        case SENSOR_STUCK -> {
          if (Double.isNaN(stuck[p.index()])) {
            stuck[p.index()] = v;
          }
          v = stuck[p.index()];
        }
        case SENSOR_SPIKE -> v = Double.isNaN(f.magnitude()) ? v * 5 + 100 : v + f.magnitude();
        case SENSOR_DROPOUT -> copies = 0;
        case SENSOR_DUPLICATE -> copies = Math.max(copies, 2);
        case SENSOR_CLOCK_SKEW -> time += f.skew().toMillis();
        case SENSOR_OUT_OF_ORDER -> {
          held.add(new Held(p, v, time, seq, currentTick + Math.max(1, f.delayTicks())));
          copies = 0;
        }
        default -> {}
      }
      if (copies == 0) {
        break;
      }
    }
    for (int i = 0; i < copies; i++) {
      next.accept(p, v, time, seq);
    }
  }

  private static boolean coversPoint(Fault f, SensorPoint p) {
    return f.point() == null || f.point().equals(p.feature() + "/" + p.property());
  }

  @Override
  public void acceptMalformed(String raw) {
    next.acceptMalformed(raw);
  }

  @Override
  public void endTick(long endedTick) {
    while (!held.isEmpty() && held.peek().releaseTick() <= endedTick) {
      Held h = held.poll();
      next.accept(h.point(), h.value(), h.timeMs(), h.seq());
    }
    for (Fault f : active) {
      if (f.type() == FaultType.MALFORMED_MESSAGES) {
        int n = Double.isNaN(f.magnitude()) ? 1 : (int) f.magnitude();
        for (int i = 0; i < n; i++) {
          next.acceptMalformed(MalformedMessages.example(malformedCount++, f.thingId()));
        }
      }
    }
    clearReleasedStuck();
    currentTick = endedTick + 1;
    fresh = true;
    next.endTick(endedTick);
  }

  /** A stuck sensor forgets its held value once no stuck fault is active any more. */
  private void clearReleasedStuck() {
    boolean anyStuck = active.stream().anyMatch(f -> f.type() == FaultType.SENSOR_STUCK);
    if (!anyStuck) {
      Arrays.fill(stuck, Double.NaN);
    }
  }

  @Override
  public void close() {
    while (!held.isEmpty()) {
      Held h = held.poll();
      next.accept(h.point(), h.value(), h.timeMs(), h.seq());
    }
    next.close();
  }

  private void refreshActive(long offsetMs) {
    active.clear();
    for (Fault f : faults) {
      if (f.activeAt(offsetMs)) {
        active.add(f);
      }
    }
    fresh = false;
  }
}
