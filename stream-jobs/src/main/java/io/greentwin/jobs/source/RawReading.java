package io.greentwin.jobs.source;

import java.util.Objects;

/**
 * One message as a source received it, before parsing: the simulator, a replayed file and the MQTT
 * sensor bus all produce these, so every reading takes the same parse and validation path.
 *
 * @param payload the message text, normally one JSON reading (docs/SENSOR-FORMAT.md); bytes that
 *     are not UTF-8 are decoded as U+FFFD so the message still reaches parsing (and the dead
 *     letters)
 * @param origin where it came from, e.g. {@code simulator}, {@code file:readings.jsonl:17} or
 *     {@code mqtt:greentwin/readings/<thingId>/<feature>/<property>}
 * @param receivedMs when the source received it (epoch milliseconds, wall clock); never used as
 *     event time, only to tell when a dead letter arrived
 */
public record RawReading(String payload, String origin, long receivedMs) {
  public RawReading {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(origin, "origin");
  }
}
