package io.greentwin.physics;

import io.greentwin.units.Require;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Thermal envelopes for IT equipment: the recommended air-inlet range, the allowable range of each
 * air class and the maximum facility-water supply temperature of each water class. The defaults are
 * ASHRAE TC 9.9's (2021); pass other values when a standard is revised.
 *
 * @param recommendedAir recommended air-inlet range, °C
 * @param allowableAir allowable air-inlet range of every air class, °C
 * @param waterMaxSupplyC maximum facility-water supply temperature of every water class but {@link
 *     AshraeWaterClass#W_PLUS}, °C
 */
public record ThermalClasses(
    TemperatureRangeC recommendedAir,
    Map<AshraeAirClass, TemperatureRangeC> allowableAir,
    Map<AshraeWaterClass, Double> waterMaxSupplyC) {

  public ThermalClasses {
    Require.present("recommendedAir", recommendedAir);
    Map<AshraeAirClass, TemperatureRangeC> air = new EnumMap<>(AshraeAirClass.class);
    air.putAll(Require.present("allowableAir", allowableAir));
    Map<AshraeWaterClass, Double> water = new EnumMap<>(AshraeWaterClass.class);
    water.putAll(Require.present("waterMaxSupplyC", waterMaxSupplyC));
    for (AshraeAirClass c : AshraeAirClass.values()) {
      Require.present("allowableAir[" + c + "]", air.get(c));
    }
    if (water.containsKey(AshraeWaterClass.W_PLUS)
        || water.size() != AshraeWaterClass.values().length - 1) {
      throw Require.invalid(
          "waterMaxSupplyC needs exactly W17, W27, W32, W40 and W45 (W+ is open-ended), got "
              + water.keySet());
    }
    double previousC = Double.NEGATIVE_INFINITY;
    for (Map.Entry<AshraeWaterClass, Double> e : water.entrySet()) {
      String name = "waterMaxSupplyC[" + e.getKey() + "]";
      double maxC = Require.finite(name, Require.present(name, e.getValue()));
      if (maxC <= previousC) {
        throw Require.invalid("waterMaxSupplyC must rise from class to class: " + water);
      }
      previousC = maxC;
    }
    allowableAir = Collections.unmodifiableMap(air);
    waterMaxSupplyC = Collections.unmodifiableMap(water);
  }

  /**
   * ASHRAE TC 9.9 (Thermal Guidelines for Data Processing Environments, 5th ed., 2021): air inlet
   * recommended 18–27 °C; allowable A1 15–32, A2 10–35, A3 5–40, A4 5–45 °C; facility water W17 ≤
   * 17, W27 ≤ 27, W32 ≤ 32, W40 ≤ 40, W45 ≤ 45 °C, W+ above (as listed in DOMAIN.md).
   */
  public static ThermalClasses ashrae2021() {
    return new ThermalClasses(
        new TemperatureRangeC(18, 27),
        Map.of(
            AshraeAirClass.A1, new TemperatureRangeC(15, 32),
            AshraeAirClass.A2, new TemperatureRangeC(10, 35),
            AshraeAirClass.A3, new TemperatureRangeC(5, 40),
            AshraeAirClass.A4, new TemperatureRangeC(5, 45)),
        Map.of(
            AshraeWaterClass.W17, 17.0,
            AshraeWaterClass.W27, 27.0,
            AshraeWaterClass.W32, 32.0,
            AshraeWaterClass.W40, 40.0,
            AshraeWaterClass.W45, 45.0));
  }

  /** Whether an air-inlet temperature lies in the recommended range. */
  public boolean isRecommendedAir(double inletTempC) {
    return recommendedAir.contains(inletTempC);
  }

  /** Whether an air-inlet temperature is allowable for equipment of a class. */
  public boolean isAllowableAir(AshraeAirClass airClass, double inletTempC) {
    return allowableAir.get(airClass).contains(inletTempC);
  }

  /**
   * The tightest air class whose allowable range holds an inlet temperature: the least capable
   * equipment that may run there; empty when no class allows it.
   */
  public Optional<AshraeAirClass> classifyAirInlet(double inletTempC) {
    for (AshraeAirClass c : AshraeAirClass.values()) {
      if (isAllowableAir(c, inletTempC)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * The facility-water class a design needs for its maximum supply temperature: the first class
   * whose limit is not exceeded, {@link AshraeWaterClass#W_PLUS} above the last.
   */
  public AshraeWaterClass classifyFacilityWater(double maxSupplyTempC) {
    Require.finite("maxSupplyTempC", maxSupplyTempC);
    for (Map.Entry<AshraeWaterClass, Double> e : waterMaxSupplyC.entrySet()) {
      if (maxSupplyTempC <= e.getValue()) {
        return e.getKey();
      }
    }
    return AshraeWaterClass.W_PLUS;
  }
}
