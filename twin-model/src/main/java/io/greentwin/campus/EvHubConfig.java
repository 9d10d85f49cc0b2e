package io.greentwin.campus;

/** The EV-charging hub of the city's traffic platform, fed partly by PV. */
public record EvHubConfig(
    String id, String name, int chargers, double chargerKw, PlanPosition position) {}
