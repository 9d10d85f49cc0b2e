package io.greentwin.jobs.source;

/**
 * One message as a source received it, before any parsing: the text of a sensor reading (one JSON
 * reading, docs/SENSOR-FORMAT.md) with where it came from. Every source (simulator, MQTT, replayed
 * files) emits these; the sync job parses and validates them and dead-letters what does not parse,
 * with this raw text and origin.
 *
 * @param payload the message text as received; bytes that are not UTF-8 are decoded as U+FFFD so
 *     the message still reaches parsing (and its dead-letter store)
 * @param origin where the message came from, e.g. {@code mqtt:greentwin/readings/<thingId>/...}
 * @param receivedMs when the source received it (epoch milliseconds, processing time; the event
 *     time is inside the reading)
 */
public record RawReading(String payload, String origin, long receivedMs) {}
