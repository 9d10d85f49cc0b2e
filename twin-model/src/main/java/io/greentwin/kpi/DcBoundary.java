package io.greentwin.kpi;

/**
 * Where the heat pump that lifts recovered heat sits relative to the data-centre boundary
 * (DOMAIN.md, KPIs): inside, its electricity adds to E_DC (PUE rises while ERE falls); outside, it
 * does not, and its electricity is charged against the avoided emissions of the exported heat
 * instead.
 */
public enum DcBoundary {
  HEAT_PUMP_INSIDE,
  HEAT_PUMP_OUTSIDE
}
