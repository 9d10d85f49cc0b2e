package io.greentwin.jobs.incident;

import io.greentwin.campus.Campus;
import io.greentwin.physics.AshraeAirClass;
import io.greentwin.physics.AshraeWaterClass;
import io.greentwin.physics.TemperatureRangeC;
import io.greentwin.physics.ThermalClasses;
import io.greentwin.units.Require;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thresholds of the incident job. Every one is configurable; {@link #of(Campus)} gives the
 * defaults, with the thermal limits from ASHRAE TC 9.9 (2021) via {@link ThermalClasses}.
 *
 * @param waterClass the facility-water class of the cooling loop
 * @param waterMaxSupplyC that class's maximum supply temperature, °C
 * @param waterMarginK how far above the maximum a supply must be to count, K (measurement slack)
 * @param airClass the air class of the IT equipment
 * @param airMinC lower end of that class's allowable inlet range, °C
 * @param airMaxC upper end of that class's allowable inlet range, °C
 * @param raiseSamples consecutive abnormal samples before a condition is raised
 * @param clearSamples consecutive normal samples before it clears
 * @param flowLossFraction a flow this far below its usual value is a loss (0.3 = 30 % less)
 * @param minFlowM3h flows whose usual value is below this are not watched for loss (standby pumps)
 * @param tempRiseK a coolant or inlet temperature this far above its usual value is a rise, K
 * @param baselineWeight weight of a new normal sample in the usual value (exponential mean)
 * @param baselineSamples samples before the usual value is trusted
 * @param flowRiseWindow how soon after a flow loss a temperature rise must follow
 * @param pvMinIrradianceWm2 plane-of-array irradiance above which an inverter must deliver, W/m²
 * @param pvMaxAcKw AC power at or below which an inverter counts as delivering nothing, kW
 * @param stuckSamples identical consecutive values that make a sensor stuck
 * @param stuckPoints the points watched for stuck values, as {@code KIND feature/property}, each
 *     with how long its value must also stay identical before it counts as stuck: points that vary
 *     from sample to sample in normal operation (set-points would look stuck) need no more than
 *     {@code stuckSamples}; slow ones, such as the weather, need a span in which they always vary
 * @param silenceAfter a sensor with no reading for this long is silent
 * @param heatShortfallFraction heat delivered this far below min(offer, demand) is short
 * @param heatMinExpectedKw below this min(offer, demand) a heat export is not judged, kW
 * @param heatWindow how long heat must be short before an incident is raised
 * @param replayMargin added before the start and after the end of an incident's replay window
 */
public record IncidentConfig(
    AshraeWaterClass waterClass,
    double waterMaxSupplyC,
    double waterMarginK,
    AshraeAirClass airClass,
    double airMinC,
    double airMaxC,
    int raiseSamples,
    int clearSamples,
    double flowLossFraction,
    double minFlowM3h,
    double tempRiseK,
    double baselineWeight,
    int baselineSamples,
    Duration flowRiseWindow,
    double pvMinIrradianceWm2,
    double pvMaxAcKw,
    int stuckSamples,
    Map<String, Duration> stuckPoints,
    Duration silenceAfter,
    double heatShortfallFraction,
    double heatMinExpectedKw,
    Duration heatWindow,
    Duration replayMargin)
    implements Serializable {

  /**
   * No more than {@code stuckSamples} identical values: points that vary every sample in normal
   * operation (metered powers, return temperatures, room conditions). Supply temperatures, valve
   * positions and flows sit at set-points and would look stuck.
   */
  private static final Duration EVERY_SAMPLE = Duration.ZERO;

  /**
   * The weather varies slowly: read at a 10 s interval to the encoder's 3 decimals, the air
   * temperature of a calm night repeats for a minute and the synthetic wind for a quarter of an
   * hour. One hour is the window of the persistence (time-consistency) check for automatic weather
   * stations in the WMO Guide to Instruments and Methods of Observation (WMO-No. 8), in which these
   * values always change in real weather.
   */
  private static final Duration WEATHER_PERSISTENCE = Duration.ofHours(1);

  /** The points watched for stuck values by default, with how long they must stay identical. */
  public static final Map<String, Duration> DEFAULT_STUCK_POINTS = defaultStuckPoints();

  private static Map<String, Duration> defaultStuckPoints() {
    Map<String, Duration> m = new LinkedHashMap<>();
    for (String p :
        new String[] {
          "RACK power/powerKw",
          "RACK coolant/returnTempC",
          "CDU heat/heatKw",
          "CDU primary/returnTempC",
          "CDU secondary/returnTempC",
          "BUILDING metering/itPowerKw",
          "BUILDING metering/facilityPowerKw",
          "HALL environment/airTempC",
          "HALL environment/humidityPct",
          "DRY_COOLER water/inletTempC",
          "GRID_METER import/powerKw"
        }) {
      m.put(p, EVERY_SAMPLE);
    }
    m.put("WEATHER_STATION air/tempC", WEATHER_PERSISTENCE);
    m.put("WEATHER_STATION air/humidityPct", WEATHER_PERSISTENCE);
    m.put("WEATHER_STATION wind/speedMs", WEATHER_PERSISTENCE);
    return Map.copyOf(m);
  }

  public IncidentConfig {
    Require.present("waterClass", waterClass);
    Require.finite("waterMaxSupplyC", waterMaxSupplyC);
    Require.nonNegative("waterMarginK", waterMarginK);
    Require.present("airClass", airClass);
    if (!(airMinC < airMaxC)) {
      throw Require.invalid("airMinC must be below airMaxC: " + airMinC + ", " + airMaxC);
    }
    atLeastOne("raiseSamples", raiseSamples);
    atLeastOne("clearSamples", clearSamples);
    Require.fraction("flowLossFraction", flowLossFraction);
    Require.nonNegative("minFlowM3h", minFlowM3h);
    Require.positive("tempRiseK", tempRiseK);
    Require.fraction("baselineWeight", baselineWeight);
    atLeastOne("baselineSamples", baselineSamples);
    positive("flowRiseWindow", flowRiseWindow);
    Require.nonNegative("pvMinIrradianceWm2", pvMinIrradianceWm2);
    Require.nonNegative("pvMaxAcKw", pvMaxAcKw);
    atLeastOne("stuckSamples", stuckSamples);
    Require.present("stuckPoints", stuckPoints)
        .forEach(
            (point, after) -> {
              if (after == null || after.isNegative()) {
                throw Require.invalid(
                    "stuckPoints." + point + " must be a duration of zero or more: " + after);
              }
            });
    stuckPoints = Map.copyOf(stuckPoints);
    positive("silenceAfter", silenceAfter);
    Require.fraction("heatShortfallFraction", heatShortfallFraction);
    Require.nonNegative("heatMinExpectedKw", heatMinExpectedKw);
    Require.present("heatWindow", heatWindow);
    Require.present("replayMargin", replayMargin);
  }

  /**
   * The defaults for a campus: its warm-water loop's water class (ASHRAE TC 9.9 class of its design
   * supply temperature), air class A2 (the class most volume servers are rated for).
   */
  public static IncidentConfig of(Campus campus) {
    ThermalClasses ashrae = ThermalClasses.ashrae2021();
    double designSupplyC = campus.config().cooling().warmWaterLoop().supplyTempC();
    AshraeWaterClass water = ashrae.classifyFacilityWater(designSupplyC);
    double maxC =
        water == AshraeWaterClass.W_PLUS ? designSupplyC : ashrae.waterMaxSupplyC().get(water);
    AshraeAirClass air = AshraeAirClass.A2;
    TemperatureRangeC allowable = ashrae.allowableAir().get(air);
    return new IncidentConfig(
        water,
        maxC,
        0.5,
        air,
        allowable.minC(),
        allowable.maxC(),
        2,
        2,
        0.3,
        1.0,
        2.0,
        0.1,
        5,
        Duration.ofMinutes(10),
        200,
        0.1,
        5,
        DEFAULT_STUCK_POINTS,
        Duration.ofMinutes(5),
        0.2,
        50,
        Duration.ofMinutes(5),
        Duration.ofMinutes(10));
  }

  /** The supply temperature above which facility water breaks its class, °C. */
  double waterLimitC() {
    return waterMaxSupplyC + waterMarginK;
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw Require.invalid(name + " must be at least 1 but was " + value);
    }
  }

  private static void positive(String name, Duration d) {
    Require.present(name, d);
    if (d.isNegative() || d.isZero()) {
      throw Require.invalid(name + " must be positive but was " + d);
    }
  }
}
