package io.greentwin.jobs.twin;

import java.util.Objects;

/**
 * A change a job wants on a twin, as the Ditto Protocol carries it: the JSON {@code value} merged
 * (RFC 7396, Ditto's {@code merge} command) or put (Ditto's {@code modify}, which creates what is
 * missing) at {@code path} of thing {@code thingId}, optionally only when the twin matches an RQL
 * {@code condition} (Ditto's {@code condition} header). Every job that writes twins (sync, KPIs,
 * incidents) emits these; the twin sink sends them to the gateway or to a real Eclipse Ditto.
 *
 * @param thingId the Ditto thing id, {@code namespace:name}
 * @param path a JSON pointer into the thing, {@code /} for the whole thing, e.g. {@code
 *     /features/kpi/properties}
 * @param json the value as JSON text
 * @param replace true for Ditto's modify (put, creating the thing or path when missing), false for
 *     merge
 * @param eventTimeMs the event time the change reflects (epoch milliseconds): the newest reading in
 *     it
 * @param condition an RQL filter the twin must match for the change to apply (Ditto answers 412
 *     {@code things:condition.failed} otherwise), e.g. {@link ObservedAt#condition}; null: none
 */
public record TwinPatch(
    String thingId, String path, String json, boolean replace, long eventTimeMs, String condition) {
  public TwinPatch {
    Objects.requireNonNull(thingId, "thingId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(json, "json");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must be a JSON pointer starting with '/': " + path);
    }
    if (condition != null && condition.isBlank()) {
      throw new IllegalArgumentException("condition must be null or an RQL filter, not blank");
    }
  }

  /** An unconditional change. */
  public TwinPatch(String thingId, String path, String json, boolean replace, long eventTimeMs) {
    this(thingId, path, json, replace, eventTimeMs, null);
  }
}
