package io.greentwin.campus;

/** The on-site weather station. */
public record WeatherStationConfig(String id, PlanPosition position) {}
