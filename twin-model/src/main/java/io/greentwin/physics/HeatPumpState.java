package io.greentwin.physics;

import io.greentwin.units.Require;

/**
 * What a heat pump does in one operating point.
 *
 * @param deliveredKw heat delivered to the sink (district heating, greenhouse), kW
 * @param electricKw compressor electrical power W_el = Q_delivered / COP, kW
 * @param sourceHeatKw heat drawn from the source (the IT loop): Q_delivered − W_el, kW
 * @param cop heating COP at this point; 0 when the heat pump is off
 */
public record HeatPumpState(
    double deliveredKw, double electricKw, double sourceHeatKw, double cop) {

  /** The heat pump standing still: no demand, nothing delivered, nothing drawn. */
  public static final HeatPumpState OFF = new HeatPumpState(0, 0, 0, 0);

  public HeatPumpState {
    Require.nonNegative("deliveredKw", deliveredKw);
    Require.nonNegative("electricKw", electricKw);
    Require.nonNegative("sourceHeatKw", sourceHeatKw);
    Require.nonNegative("cop", cop);
  }
}
