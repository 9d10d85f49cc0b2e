package io.greentwin.campus;

/** The warm-water cooling plant: primary loop, CDUs, pumps, dry coolers and the trim chiller. */
public record CoolingConfig(
    LoopConfig warmWaterLoop,
    double cduApproachK,
    double secondaryDeltaTK,
    PumpGroupConfig pumps,
    DryCoolerGroupConfig dryCoolers,
    TrimChillerConfig trimChiller) {

  /** The primary warm-water loop. */
  public record LoopConfig(String id, double supplyTempC, double designDeltaTK) {}

  /** Identical primary pumps sharing the loop flow. */
  public record PumpGroupConfig(
      int count,
      double designFlowM3h,
      double designHeadKpa,
      double efficiency,
      PlanPosition position) {}

  /** Identical dry coolers rejecting the loop heat to ambient air. */
  public record DryCoolerGroupConfig(
      int count,
      double designHeatKw,
      double designInletWaterTempC,
      double designAmbientC,
      double approachK,
      double hxApproachK,
      double designFanPowerKw,
      PlanPosition position) {}

  /** The air-cooled trim chiller serving the air-side heat and topping up free cooling. */
  public record TrimChillerConfig(
      String id,
      double capacityKw,
      double carnotEfficiency,
      double chilledWaterSupplyC,
      double ambientLiftK,
      PlanPosition position) {}
}
