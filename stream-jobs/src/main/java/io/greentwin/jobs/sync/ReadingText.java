package io.greentwin.jobs.sync;

import io.greentwin.sim.Reading;

/** A validated reading back in its JSON wire form, for dead letters found after parsing. */
public final class ReadingText {
  private ReadingText() {}

  /** The wire form; the names are catalogue names, so they need no escaping. */
  public static String json(Reading r) {
    return "{\"thingId\":\""
        + r.thingId()
        + "\",\"feature\":\""
        + r.feature()
        + "\",\"property\":\""
        + r.property()
        + "\",\"value\":"
        + r.value()
        + ",\"unit\":\""
        + r.unit()
        + "\",\"eventTime\":\""
        + r.eventTime()
        + "\",\"seq\":"
        + r.seq()
        + "}";
  }
}
