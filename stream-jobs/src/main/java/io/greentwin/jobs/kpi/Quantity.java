package io.greentwin.jobs.kpi;

/**
 * What a metered power or flow contributes to the KPIs once integrated over time. Every quantity is
 * an energy in kWh except {@link #WATER}, a volume in litres.
 */
public enum Quantity {
  /** E_IT: rack power (per hall) or the building's IT meter. */
  IT,
  /** The building's facility meter: IT plus its share of the infrastructure. */
  FACILITY,
  /** Metered cooling plant: primary pumps, dry-cooler fans, the trim chiller. */
  COOLING,
  /** Electricity of the heat pump that lifts recovered heat. */
  HEAT_PUMP,
  /** Heat delivered to customers, at their heat meters. */
  HEAT_EXPORTED,
  /** Site water use: dry-cooler adiabatic spray, litres. */
  WATER,
  /** AC output of the PV inverters. */
  PV_AC,
  /** The share of PV that feeds the EV hub (outside the DC). */
  EV_PV,
  /** Heat rejected by the dry coolers (no compressor). */
  FREE_COOLING_HEAT,
  /** Heat removed by the chiller (compressor). */
  MECHANICAL_COOLING_HEAT
}
