package io.greentwin.jobs.kpi;

/**
 * One sensor's integrated contribution to one minute.
 *
 * @param levelId the hall, building or site it counts at
 * @param quantity what it is
 * @param minuteStartMs start of the minute, epoch milliseconds
 * @param energyKwh the energy, kWh (0 for {@link Quantity#WATER})
 * @param waterL the water volume, litres (only for {@link Quantity#WATER})
 */
public record EnergySlice(
    String levelId, Quantity quantity, long minuteStartMs, double energyKwh, double waterL) {

  /** A slice of {@code amount} in the quantity's own unit (kWh, or L for water). */
  static EnergySlice of(String levelId, Quantity quantity, long minuteStartMs, double amount) {
    return quantity == Quantity.WATER
        ? new EnergySlice(levelId, quantity, minuteStartMs, 0, amount)
        : new EnergySlice(levelId, quantity, minuteStartMs, amount, 0);
  }

  /** The amount in the quantity's own unit. */
  double amount() {
    return quantity == Quantity.WATER ? waterL : energyKwh;
  }
}
