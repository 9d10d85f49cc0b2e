package io.greentwin.units;

/**
 * Properties of liquid water at the warm-water loop's operating point (supply 45 °C, return ~55
 * °C), for the heat balance Q = ṁ·c_p·ΔT.
 */
public final class Water {
  private Water() {}

  /**
   * Specific heat capacity c_p of liquid water, kJ/(kg·K). Source: DOMAIN.md (water loops); the
   * IAPWS-95 formulation gives 4.180 at 45 °C and 4.183 at 55 °C, 1 bar.
   */
  public static final double SPECIFIC_HEAT_KJ_PER_KG_K = 4.18;

  /**
   * Density of liquid water at 45 °C, kg/m³. Source: DOMAIN.md (water loops, "ρ ≈ 990 kg/m³ at 45
   * °C"); IAPWS-95 gives 990.2 kg/m³ at 45 °C, 1 bar.
   */
  public static final double DENSITY_KG_PER_M3 = 990.0;
}
