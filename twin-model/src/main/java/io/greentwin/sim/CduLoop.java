package io.greentwin.sim;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CoolingConfig;
import io.greentwin.physics.PumpModel;
import io.greentwin.physics.WaterLoop;
import io.greentwin.units.Units;

/**
 * The CDUs and the primary pumps: each CDU's valve asks for the primary flow that keeps the design
 * ΔT, the pumps deliver what they can (a failed duty pump leaves a shortfall until the standby
 * starts), and the secondary supply temperature follows a first-order lag towards what the heat
 * exchanger allows with the flow it gets. Both sides of every CDU close their energy balance.
 */
final class CduLoop {
  /** Thermal time constant of a CDU secondary loop (water volume / flow), assumed 2 min. */
  static final double SECONDARY_TAU_S = 120;

  /** Lowest valve opening a CDU controller keeps (anti-freeze-up minimum flow), assumed 10 %. */
  static final double MIN_VALVE = 0.10;

  /** Residual flow of a loop whose pumps have stopped, kg/s (assumed). */
  static final double MIN_FLOW_KG_S = 0.01;

  /** Standby pump start delay after a duty pump trips, unless the fault sets it: 60 s. */
  static final double DEFAULT_STANDBY_DELAY_S = 60;

  private final Campus campus;
  private final CoolingConfig cooling;
  private final PumpModel pump;
  private final int pumpCount;
  private final double[] rackFlowKgS;
  private final double[] cduSecondaryFlowKgS;
  private final double[] cduMaxPrimaryKgS;

  final double[] cduPrimaryFlowKgS;
  final double[] cduValvePct;
  final double[] cduPrimaryReturnC;
  final double[] cduSecondarySupplyC;
  final double[] pumpFlowM3h;
  double loopFlowKgS;

  CduLoop(Campus campus, ItLoad it) {
    this.campus = campus;
    this.cooling = campus.config().cooling();
    CoolingConfig.PumpGroupConfig p = cooling.pumps();
    this.pump = new PumpModel(p.designFlowM3h(), p.designHeadKpa(), p.efficiency());
    this.pumpCount = p.count();
    int nr = campus.racks().size();
    int nc = campus.cdus().size();
    rackFlowKgS = new double[nr];
    cduSecondaryFlowKgS = new double[nc];
    for (int r = 0; r < nr; r++) {
      rackFlowKgS[r] =
          WaterLoop.massFlowKgPerS(it.rackDesignLiquidKw(r), cooling.secondaryDeltaTK());
      cduSecondaryFlowKgS[campus.racks().get(r).cduIndex()] += rackFlowKgS[r];
    }
    cduMaxPrimaryKgS = new double[nc];
    double dt = cooling.warmWaterLoop().designDeltaTK();
    for (int c = 0; c < nc; c++) {
      cduMaxPrimaryKgS[c] = WaterLoop.massFlowKgPerS(campus.cdus().get(c).capacityKw(), dt);
    }
    cduPrimaryFlowKgS = new double[nc];
    cduValvePct = new double[nc];
    cduPrimaryReturnC = new double[nc];
    cduSecondarySupplyC = new double[nc];
    java.util.Arrays.fill(
        cduSecondarySupplyC, cooling.warmWaterLoop().supplyTempC() + cooling.cduApproachK());
    pumpFlowM3h = new double[pumpCount];
  }

  /** Updates valves, pumps and CDU temperatures for one tick. */
  void compute(ItLoad it, double supplyC, FaultPlan faults, long offsetMs, double dtS) {
    double demand = 0;
    for (int c = 0; c < cduValvePct.length; c++) {
      // The valve holds the secondary supply at set-point with the least primary flow: with
      // equal capacity rates on both sides the plate HX keeps its design approach.
      double want = cduSecondaryFlowKgS[c];
      double valve = Math.max(MIN_VALVE, Math.min(1.0, want / cduMaxPrimaryKgS[c]));
      Fault stuck =
          faults.equipment(FaultType.CDU_VALVE_STUCK, campus.cdus().get(c).id(), offsetMs);
      if (stuck != null) {
        valve = Double.isNaN(stuck.magnitude()) ? 0.15 : stuck.magnitude() / 100.0;
      }
      cduValvePct[c] = valve * 100;
      cduPrimaryFlowKgS[c] = valve * cduMaxPrimaryKgS[c];
      demand += cduPrimaryFlowKgS[c];
    }
    double scale =
        pumps(Units.m3PerHour(demand), faults, offsetMs) / Math.max(1e-9, Units.m3PerHour(demand));
    loopFlowKgS = 0;
    for (int c = 0; c < cduValvePct.length; c++) {
      // A stopped loop keeps a trickle of thermosiphon flow, so temperatures stay defined.
      cduPrimaryFlowKgS[c] = Math.max(MIN_FLOW_KG_S, cduPrimaryFlowKgS[c] * Math.min(1.0, scale));
      loopFlowKgS += cduPrimaryFlowKgS[c];
      double q = it.cduHeatKw[c];
      cduPrimaryReturnC[c] = WaterLoop.returnTempC(supplyC, q, cduPrimaryFlowKgS[c]);
      double rise =
          Math.max(
              0, q / capacityRate(cduPrimaryFlowKgS[c]) - q / capacityRate(cduSecondaryFlowKgS[c]));
      double target = supplyC + cooling.cduApproachK() + rise;
      cduSecondarySupplyC[c] = lag(cduSecondarySupplyC[c], target, dtS, SECONDARY_TAU_S);
    }
  }

  /** Shares the demanded flow among running pumps; returns the flow delivered, m³/h. */
  private double pumps(double demandM3h, FaultPlan faults, long offsetMs) {
    int duty = Math.max(1, pumpCount - 1);
    int running = 0;
    boolean[] on = new boolean[pumpCount];
    for (int p = 0; p < pumpCount && running < duty; p++) {
      Fault f = faults.equipment(FaultType.PUMP_FAILURE, pumpId(p), offsetMs);
      boolean standby = p >= duty;
      if (f != null) {
        continue;
      }
      if (standby && !standbyStarted(offsetMs, faults)) {
        continue;
      }
      on[p] = true;
      running++;
    }
    double capacity = running * pump.designFlowM3h();
    double delivered = Math.min(demandM3h, capacity);
    for (int p = 0; p < pumpCount; p++) {
      pumpFlowM3h[p] = on[p] ? delivered / running : 0;
    }
    return delivered;
  }

  /** The standby pump runs once a duty pump has been down longer than the start delay. */
  private boolean standbyStarted(long offsetMs, FaultPlan faults) {
    for (int p = 0; p < pumpCount - 1; p++) {
      Fault f = faults.equipment(FaultType.PUMP_FAILURE, pumpId(p), offsetMs);
      if (f != null) {
        double delayS = Double.isNaN(f.magnitude()) ? DEFAULT_STANDBY_DELAY_S : f.magnitude();
        return offsetMs - f.start().toMillis() >= delayS * 1000;
      }
    }
    return false;
  }

  String pumpId(int p) {
    return campus.thingId("pump-" + (p + 1));
  }

  PumpModel pumpModel() {
    return pump;
  }

  double rackFlowKgS(int rack) {
    return rackFlowKgS[rack];
  }

  double cduSecondaryFlowKgS(int cdu) {
    return cduSecondaryFlowKgS[cdu];
  }

  /** Capacity rate m·c_p in kW/K. */
  private static double capacityRate(double massFlowKgS) {
    return Math.max(1e-6, massFlowKgS * io.greentwin.units.Water.SPECIFIC_HEAT_KJ_PER_KG_K);
  }

  static double lag(double current, double target, double dtS, double tauS) {
    return current + (target - current) * (1 - Math.exp(-dtS / tauS));
  }
}
