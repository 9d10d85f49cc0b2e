package io.greentwin.sim;

import java.util.ArrayList;
import java.util.List;

/** The faults of a run, asked each tick which are active. Immutable. */
public final class FaultPlan {
  public static final FaultPlan NONE = new FaultPlan(List.of());

  private final List<Fault> equipment;
  private final List<Fault> sensors;

  public FaultPlan(List<Fault> faults) {
    List<Fault> eq = new ArrayList<>();
    List<Fault> se = new ArrayList<>();
    for (Fault f : faults) {
      (f.type().isSensorFault() ? se : eq).add(f);
    }
    this.equipment = List.copyOf(eq);
    this.sensors = List.copyOf(se);
  }

  /** The active equipment fault of this type on this thing, or null. */
  public Fault equipment(FaultType type, String thingId, long offsetMs) {
    for (Fault f : equipment) {
      if (f.type() == type && f.thingId().equals(thingId) && f.activeAt(offsetMs)) {
        return f;
      }
    }
    return null;
  }

  /** The sensor and message faults, active or not. */
  public List<Fault> sensorFaults() {
    return sensors;
  }

  /** True when no fault at all is planned. */
  public boolean isEmpty() {
    return equipment.isEmpty() && sensors.isEmpty();
  }
}
