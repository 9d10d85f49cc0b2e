package io.greentwin.kpi;

/**
 * Efficiency and carbon KPIs of one period. A ratio whose denominator is zero (no IT energy, no
 * E_DC) is NaN: the KPI is undefined for that period.
 *
 * @param pue E_DC / E_IT (ISO/IEC 30134-2)
 * @param ppueCooling (E_IT + E_cooling) / E_IT, partial PUE of the cooling subsystem (ISO/IEC
 *     30134-2, partial PUE; The Green Grid WP 49)
 * @param erf E_reuse / E_DC (ISO/IEC 30134-6)
 * @param ere (E_DC − E_reuse) / E_IT (The Green Grid, ERE, WP 29)
 * @param cue CO2e of the DC's energy / E_IT, kg/kWh (ISO/IEC 30134-8)
 * @param wue site water / E_IT, L/kWh (ISO/IEC 30134-9)
 * @param ref renewable energy owned or contracted / E_DC, at most 1 (ISO/IEC 30134-3)
 * @param co2Kg CO2e of the DC's energy, kg
 */
public record Kpis(
    double pue,
    double ppueCooling,
    double erf,
    double ere,
    double cue,
    double wue,
    double ref,
    double co2Kg) {}
