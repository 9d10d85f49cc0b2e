package io.greentwin.jobs.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A detected incident, open until every condition in it has cleared.
 *
 * @param id deterministic from type, start and main thing, e.g. {@code
 *     coolant-flow-loss-20260115T031000Z-pump-1}
 * @param type what happened
 * @param severity how urgent it is
 * @param mainThingId the thing it is about
 * @param startMs when it started, epoch ms
 * @param endMs when it ended, epoch ms; 0 while open
 * @param open whether it is still going on
 * @param thingIds every thing involved, the main thing first
 * @param replayFromMs start of the window to replay, {@code startMs} less the margin
 * @param replayToMs end of the window to replay, {@code endMs} plus the margin; 0 while open
 * @param summary what happened, for people
 */
public record Incident(
    String id,
    IncidentType type,
    Severity severity,
    String mainThingId,
    long startMs,
    long endMs,
    boolean open,
    List<String> thingIds,
    long replayFromMs,
    long replayToMs,
    String summary) {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public Incident {
    thingIds = List.copyOf(thingIds);
  }

  /** The id of an incident of a type starting at an instant about a thing. */
  static String id(IncidentType type, long startMs, String mainThingId) {
    return type.id()
        + "-"
        + STAMP.format(Instant.ofEpochMilli(startMs))
        + "-"
        + Conditions.local(mainThingId);
  }

  /** A new open incident. */
  static Incident open(
      IncidentType type, long startMs, String mainThingId, long marginMs, String summary) {
    return new Incident(
        id(type, startMs, mainThingId),
        type,
        type.severity(),
        mainThingId,
        startMs,
        0,
        true,
        List.of(mainThingId),
        startMs - marginMs,
        0,
        summary);
  }

  /** The incident with a thing involved (no change when it already is, or when blank). */
  Incident involving(String thingId) {
    if (thingId == null || thingId.isEmpty() || thingIds.contains(thingId)) {
      return this;
    }
    List<String> things = new ArrayList<>(thingIds);
    things.add(thingId);
    return copy(things, summary, endMs, open, replayToMs);
  }

  /** The incident with more summary text. */
  Incident summarised(String more) {
    return copy(thingIds, summary + more, endMs, open, replayToMs);
  }

  /** The incident ended at an instant. */
  Incident closed(long atMs, long marginMs) {
    long end = Math.max(atMs, startMs);
    return copy(thingIds, summary, end, false, end + marginMs);
  }

  private Incident copy(List<String> things, String text, long end, boolean isOpen, long replayTo) {
    return new Incident(
        id,
        type,
        severity,
        mainThingId,
        startMs,
        end,
        isOpen,
        things,
        replayFromMs,
        replayTo,
        text);
  }
}
