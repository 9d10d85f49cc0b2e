package io.greentwin.campus;

/** Heat recovery: a heat pump lifting loop heat to district heating, and a direct eco-park feed. */
public record HeatRecoveryConfig(
    LoopRef loop,
    HeatPumpConfig heatPump,
    HeatConsumerConfig districtHeating,
    HeatConsumerConfig ecoPark) {

  /** The heat-recovery loop's id. */
  public record LoopRef(String id) {}

  /** The heat pump between the warm-water loop and the district-heating network. */
  public record HeatPumpConfig(
      String id,
      double capacityKw,
      double carnotEfficiency,
      double sinkApproachK,
      double sourceApproachK,
      PlanPosition position) {}

  /**
   * A heat customer outside the data-centre boundary. Demand scales linearly from zero at 15 C
   * ambient to {@code peakDemandKw} at {@code designAmbientC}; with a season, only inside it.
   */
  public record HeatConsumerConfig(
      String id,
      String name,
      double supplyTempC,
      double returnTempC,
      String seasonStart,
      String seasonEnd,
      double peakDemandKw,
      double designAmbientC,
      PlanPosition position) {}
}
