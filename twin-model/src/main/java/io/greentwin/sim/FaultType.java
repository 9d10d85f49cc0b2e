package io.greentwin.sim;

import io.greentwin.campus.AssetKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The faults the simulator can inject, with the asset kind each may target. */
public enum FaultType {
  PUMP_FAILURE("pump-failure", AssetKind.PUMP),
  CDU_VALVE_STUCK("cdu-valve-stuck", AssetKind.CDU),
  DRY_COOLER_FAN_FAILURE("dry-cooler-fan-failure", AssetKind.DRY_COOLER),
  PV_INVERTER_TRIP("pv-inverter-trip", AssetKind.PV_INVERTER),
  HEAT_PUMP_TRIP("heat-pump-trip", AssetKind.HEAT_PUMP),
  SENSOR_STUCK("sensor-stuck", null),
  SENSOR_SPIKE("sensor-spike", null),
  SENSOR_DROPOUT("sensor-dropout", null),
  SENSOR_DUPLICATE("sensor-duplicate", null),
  SENSOR_OUT_OF_ORDER("sensor-out-of-order", null),
  SENSOR_CLOCK_SKEW("sensor-clock-skew", null),
  MALFORMED_MESSAGES("malformed-messages", null);

  private final String id;
  private final AssetKind targetKind;

  FaultType(String id, AssetKind targetKind) {
    this.id = id;
    this.targetKind = targetKind;
  }

  /** The name used in fault files, e.g. {@code pump-failure}. */
  public String id() {
    return id;
  }

  /** The kind of asset an equipment fault targets; null for sensor and message faults. */
  public AssetKind targetKind() {
    return targetKind;
  }

  /** True for faults of the sensors and messages rather than of the equipment. */
  public boolean isSensorFault() {
    return targetKind == null;
  }

  /** The type for a fault-file name, or IllegalArgumentException listing what is allowed. */
  public static FaultType of(String id) {
    for (FaultType t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown fault type '" + id + "'; allowed: " + allowed());
  }

  static String allowed() {
    return Arrays.stream(values()).map(FaultType::id).collect(Collectors.joining(", "));
  }
}
