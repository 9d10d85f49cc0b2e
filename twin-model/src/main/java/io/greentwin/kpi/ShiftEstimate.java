package io.greentwin.kpi;

/**
 * What moving deferrable work from one site to another would change.
 *
 * @param movedItKwh IT energy moved, kWh (zero when the work cannot tolerate the route's latency)
 * @param stayCo2Kg CO2 if all the work stays, kg
 * @param shiftedCo2Kg CO2 with the moved part charged at the destination, kg
 * @param savedCo2Kg stayCo2Kg − shiftedCo2Kg, kg; negative when the move makes it worse
 */
public record ShiftEstimate(
    double movedItKwh, double stayCo2Kg, double shiftedCo2Kg, double savedCo2Kg) {}
