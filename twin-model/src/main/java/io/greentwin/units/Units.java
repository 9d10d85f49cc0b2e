package io.greentwin.units;

import java.time.Duration;

/**
 * Unit conversions, in one place. Each method is named for the unit it returns and takes its input
 * in the unit its parameter name states. Volume flows of water use {@link Water#DENSITY_KG_PER_M3}
 * unless a density is passed.
 */
public final class Units {
  private Units() {}

  /** 0 °C in kelvin. Source: SI Brochure, 9th ed. (BIPM 2019), definition of the Celsius scale. */
  public static final double ZERO_CELSIUS_K = 273.15;

  /** Seconds in one hour (SI: 1 h = 3600 s). */
  public static final double SECONDS_PER_HOUR = 3600.0;

  /** Gigajoules in one kilowatt-hour: 1 kWh = 3.6 MJ (SI Brochure, 9th ed., Table 8). */
  public static final double GJ_PER_KWH = 0.0036;

  /** Decimal prefix factor kilo = 10³ (SI Brochure, 9th ed., Table 7). */
  public static final double KILO = 1000.0;

  /** Temperature in kelvin from degrees Celsius. */
  public static double kelvin(double celsius) {
    return celsius + ZERO_CELSIUS_K;
  }

  /** Temperature in degrees Celsius from kelvin. */
  public static double celsius(double kelvin) {
    return kelvin - ZERO_CELSIUS_K;
  }

  /** Volume flow (m³/h) of water at {@link Water#DENSITY_KG_PER_M3} from a mass flow (kg/s). */
  public static double m3PerHour(double massFlowKgPerS) {
    return m3PerHour(massFlowKgPerS, Water.DENSITY_KG_PER_M3);
  }

  /** Volume flow (m³/h) from a mass flow (kg/s) of a fluid of the given density. */
  public static double m3PerHour(double massFlowKgPerS, double densityKgPerM3) {
    Require.positive("densityKgPerM3", densityKgPerM3);
    return massFlowKgPerS * SECONDS_PER_HOUR / densityKgPerM3;
  }

  /** Mass flow (kg/s) of water at {@link Water#DENSITY_KG_PER_M3} from a volume flow (m³/h). */
  public static double kgPerSecond(double flowM3h) {
    return kgPerSecond(flowM3h, Water.DENSITY_KG_PER_M3);
  }

  /** Mass flow (kg/s) from a volume flow (m³/h) of a fluid of the given density. */
  public static double kgPerSecond(double flowM3h, double densityKgPerM3) {
    Require.positive("densityKgPerM3", densityKgPerM3);
    return flowM3h * densityKgPerM3 / SECONDS_PER_HOUR;
  }

  /** Energy (kWh) of a constant power (kW) held for a number of hours. */
  public static double kwh(double powerKw, double hours) {
    return powerKw * hours;
  }

  /** Length of a duration in hours, to the nanosecond. */
  public static double hours(Duration duration) {
    return duration.getSeconds() / SECONDS_PER_HOUR + duration.getNano() / 1e9 / SECONDS_PER_HOUR;
  }

  /** Energy in gigajoules from kilowatt-hours. */
  public static double kwhToGj(double energyKwh) {
    return energyKwh * GJ_PER_KWH;
  }

  /** Energy in kilowatt-hours from gigajoules. */
  public static double gjToKwh(double energyGj) {
    return energyGj / GJ_PER_KWH;
  }

  /** Energy in megawatt-hours from kilowatt-hours. */
  public static double kwhToMwh(double energyKwh) {
    return energyKwh / KILO;
  }

  /** Energy in kilowatt-hours from megawatt-hours. */
  public static double mwhToKwh(double energyMwh) {
    return energyMwh * KILO;
  }

  /** Energy in gigawatt-hours from kilowatt-hours. */
  public static double kwhToGwh(double energyKwh) {
    return energyKwh / (KILO * KILO);
  }

  /** Energy in kilowatt-hours from gigawatt-hours. */
  public static double gwhToKwh(double energyGwh) {
    return energyGwh * KILO * KILO;
  }

  /** Power in kilowatts from watts. */
  public static double wToKw(double powerW) {
    return powerW / KILO;
  }

  /** Power in watts from kilowatts. */
  public static double kwToW(double powerKw) {
    return powerKw * KILO;
  }

  /** Mass in kilograms from grams. */
  public static double gToKg(double massG) {
    return massG / KILO;
  }

  /** Mass in grams from kilograms. */
  public static double kgToG(double massKg) {
    return massKg * KILO;
  }

  /** Mass in tonnes from kilograms. */
  public static double kgToT(double massKg) {
    return massKg / KILO;
  }

  /** Mass in kilograms from tonnes. */
  public static double tToKg(double massT) {
    return massT * KILO;
  }
}
