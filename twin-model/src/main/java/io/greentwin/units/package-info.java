/**
 * Units and their conversions, in one place: temperatures, water flows, energy, power and mass,
 * with the water properties the loops use and the argument checks the physics and KPI records
 * share.
 */
package io.greentwin.units;
