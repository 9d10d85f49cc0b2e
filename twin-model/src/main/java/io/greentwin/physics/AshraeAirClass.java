package io.greentwin.physics;

/**
 * ASHRAE TC 9.9 air-cooled equipment classes (Thermal Guidelines for Data Processing Environments,
 * 5th ed., 2021), from the tightest allowable inlet range (A1) to the widest (A4). The ranges
 * themselves live in {@link ThermalClasses}.
 */
public enum AshraeAirClass {
  A1,
  A2,
  A3,
  A4
}
