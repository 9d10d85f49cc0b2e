package io.greentwin.campus;

/** Where the campus is: Ditto namespace of its things, geographic location and plan size. */
public record SiteConfig(
    String namespace,
    String name,
    double latitudeDeg,
    double longitudeDeg,
    double altitudeM,
    String timeZone,
    Size sizeM) {}
