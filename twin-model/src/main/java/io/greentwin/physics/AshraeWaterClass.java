package io.greentwin.physics;

/**
 * ASHRAE TC 9.9 facility-water classes for liquid-cooled equipment, named for their maximum supply
 * temperature (ASHRAE TC 9.9, 2021: W17, W27, W32, W40, W45, W+ above 45 °C). The limits themselves
 * live in {@link ThermalClasses}.
 */
public enum AshraeWaterClass {
  W17,
  W27,
  W32,
  W40,
  W45,
  /** Above the W45 limit: W+ (> 45 °C). */
  W_PLUS
}
