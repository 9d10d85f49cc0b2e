package io.greentwin.sim;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CoolingConfig;
import io.greentwin.campus.HeatRecoveryConfig;
import io.greentwin.physics.ChillerModel;
import io.greentwin.physics.DryCoolerModel;
import io.greentwin.physics.DryCoolerState;
import io.greentwin.physics.HeatPumpModel;
import io.greentwin.physics.HeatPumpState;
import io.greentwin.physics.WaterLoop;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * Where the loop heat goes: straight to the eco-park through a plate HX, to district heating
 * through the heat pump (only when there is demand), and the rest to the dry coolers; what they
 * cannot reject the trim chiller takes, after the air-side heat; what is left warms the loop
 * supply. Closes the balance: loop heat = dry coolers + heat-pump source + eco-park + chiller trim
 * (+ loop storage while the supply temperature drifts).
 */
final class HeatPlant {
  /** Thermal time constant of the primary loop supply temperature, assumed 5 min. */
  static final double LOOP_TAU_S = 300;

  /** Ambient at which heating demand is zero (heating degree-day base, 15 °C; EN ISO 15927-6). */
  static final double HEATING_BASE_C = 15;

  /** Share of peak heat demand that remains outside the cold (hot water, process), assumed. */
  static final double BASE_DEMAND_SHARE = 0.12;

  /** Ceiling on a modelled chiller COP when the Carnot lift vanishes (free-cooling economiser). */
  static final double MAX_CHILLER_COP = 12;

  /** Evaporating temperature below chilled-water supply, 2 K (DOMAIN.md, chiller). */
  static final double EVAPORATOR_APPROACH_K = 2;

  /** Below this lift the compressor idles and the economiser cools (assumed 5 K). */
  static final double MIN_LIFT_K = 5;

  private final CoolingConfig cooling;
  private final HeatRecoveryConfig recovery;
  private final DryCoolerModel dryCooler;
  private final ChillerModel chiller;
  private final HeatPumpModel heatPump;
  private final ZoneId zone;
  private final String[] dryCoolerIds;
  private final String heatPumpId;

  double supplyC;
  double returnC;
  double loopHeatKw;
  final DryCoolerState[] dryCoolers;
  double chillerCoolingKw;
  double chillerPowerKw;
  double chillerCop;
  double trimKw;
  HeatPumpState hp = new HeatPumpState(0, 0, 0, 0);
  double dhDemandKw;
  double dhOfferKw;
  double ecoDemandKw;
  double ecoDeliveredKw;

  HeatPlant(Campus campus) {
    this.cooling = campus.config().cooling();
    this.recovery = campus.config().heatRecovery();
    CoolingConfig.DryCoolerGroupConfig d = cooling.dryCoolers();
    this.dryCooler =
        new DryCoolerModel(
            d.designHeatKw(),
            d.designInletWaterTempC(),
            d.designAmbientC(),
            d.approachK(),
            d.hxApproachK(),
            d.designFanPowerKw());
    CoolingConfig.TrimChillerConfig c = cooling.trimChiller();
    this.chiller = new ChillerModel(c.carnotEfficiency(), EVAPORATOR_APPROACH_K, 2);
    HeatRecoveryConfig.HeatPumpConfig h = recovery.heatPump();
    this.heatPump =
        new HeatPumpModel(
            h.capacityKw(), h.carnotEfficiency(), h.sinkApproachK(), h.sourceApproachK());
    this.zone = ZoneId.of(campus.config().site().timeZone());
    this.dryCoolerIds = new String[d.count()];
    for (int i = 0; i < d.count(); i++) {
      dryCoolerIds[i] = campus.thingId("dry-cooler-" + (i + 1));
    }
    this.heatPumpId = campus.thingId(h.id());
    this.dryCoolers = new DryCoolerState[d.count()];
    this.supplyC = cooling.warmWaterLoop().supplyTempC();
    this.returnC = supplyC + cooling.warmWaterLoop().designDeltaTK();
  }

  void compute(
      double heatKw,
      double flowKgS,
      double airHeatKw,
      double ambientC,
      long timeMs,
      FaultPlan faults,
      long offsetMs,
      double dtS) {
    loopHeatKw = heatKw;
    returnC = WaterLoop.returnTempC(supplyC, heatKw, flowKgS);
    ecoDemandKw = demand(recovery.ecoPark(), ambientC, timeMs);
    ecoDeliveredKw = Math.min(ecoDemandKw, heatKw);
    dhDemandKw = demand(recovery.districtHeating(), ambientC, timeMs);
    double sinkC = recovery.districtHeating().supplyTempC();
    double cop = dhDemandKw > 0 ? heatPump.cop(supplyC, sinkC) : 0;
    double sourceLeft = heatKw - ecoDeliveredKw;
    double maxDelivered = cop > 1 ? sourceLeft * cop / (cop - 1) : 0;
    dhOfferKw = Math.min(Math.min(dhDemandKw, heatPump.capacityKw()), maxDelivered);
    boolean tripped = faults.equipment(FaultType.HEAT_PUMP_TRIP, heatPumpId, offsetMs) != null;
    hp = heatPump.deliver(tripped ? 0 : dhOfferKw, supplyC, sinkC);
    double reject = Math.max(0, heatKw - ecoDeliveredKw - hp.sourceHeatKw());
    double shortfall = rejectToAir(reject, ambientC, faults, offsetMs);
    chillerCop = chillerCop(ambientC);
    double capacity = cooling.trimChiller().capacityKw();
    trimKw = Math.min(shortfall, Math.max(0, capacity - airHeatKw));
    chillerCoolingKw = Math.min(capacity, airHeatKw) + trimKw;
    chillerPowerKw = chillerCoolingKw / chillerCop;
    double unrejected = shortfall - trimKw;
    double target =
        cooling.warmWaterLoop().supplyTempC()
            + unrejected
                / Math.max(1e-6, flowKgS * io.greentwin.units.Water.SPECIFIC_HEAT_KJ_PER_KG_K);
    supplyC = CduLoop.lag(supplyC, target, dtS, LOOP_TAU_S);
  }

  /** Splits the heat over dry coolers with working fans; returns what they cannot reject. */
  private double rejectToAir(double rejectKw, double ambientC, FaultPlan faults, long offsetMs) {
    int working = 0;
    boolean[] failed = new boolean[dryCoolers.length];
    for (int i = 0; i < dryCoolers.length; i++) {
      failed[i] =
          faults.equipment(FaultType.DRY_COOLER_FAN_FAILURE, dryCoolerIds[i], offsetMs) != null;
      working += failed[i] ? 0 : 1;
    }
    double shortfall = working == 0 ? rejectKw : 0;
    for (int i = 0; i < dryCoolers.length; i++) {
      if (failed[i]) {
        dryCoolers[i] = new DryCoolerState(0, 0, 0, 0);
      } else {
        dryCoolers[i] = dryCooler.operate(rejectKw / working, returnC, ambientC);
        shortfall += dryCoolers[i].shortfallKw();
      }
    }
    return shortfall;
  }

  private double chillerCop(double ambientC) {
    double chw = cooling.trimChiller().chilledWaterSupplyC();
    double lift = ambientC + cooling.trimChiller().ambientLiftK() - (chw - EVAPORATOR_APPROACH_K);
    if (lift < MIN_LIFT_K) {
      return MAX_CHILLER_COP;
    }
    double cop = chiller.copAirCooled(chw, ambientC, cooling.trimChiller().ambientLiftK());
    return Math.min(cop, MAX_CHILLER_COP);
  }

  /** Heat demand of a customer: degree-day shaped, zero outside its season. */
  private double demand(HeatRecoveryConfig.HeatConsumerConfig c, double ambientC, long timeMs) {
    if (c.seasonStart() != null && !inSeason(c, timeMs)) {
      return 0;
    }
    double share = (HEATING_BASE_C - ambientC) / (HEATING_BASE_C - c.designAmbientC());
    return c.peakDemandKw() * Math.min(1, Math.max(BASE_DEMAND_SHARE, share));
  }

  private boolean inSeason(HeatRecoveryConfig.HeatConsumerConfig c, long timeMs) {
    MonthDay today = MonthDay.from(Instant.ofEpochMilli(timeMs).atZone(zone));
    MonthDay from = MonthDay.parse("--" + c.seasonStart());
    MonthDay to = MonthDay.parse("--" + c.seasonEnd());
    return from.isAfter(to)
        ? !today.isBefore(from) || !today.isAfter(to)
        : !today.isBefore(from) && !today.isAfter(to);
  }

  /** Heat recovered outside the DC boundary right now, kW. */
  double reusedKw() {
    return ecoDeliveredKw + hp.deliveredKw();
  }
}
