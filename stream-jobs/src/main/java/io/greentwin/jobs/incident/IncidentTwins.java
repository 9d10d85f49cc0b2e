package io.greentwin.jobs.incident;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greentwin.jobs.twin.TwinPatch;
import java.io.Serializable;
import java.time.Instant;

/**
 * An incident as a twin the API and UI can list: thing {@code <namespace>:incident-<id>},
 * definition {@code greentwin:Incident:1}, the incident in its attributes (times as ISO-8601,
 * {@code end} and {@code replayTo} null while open). Written whole (Ditto modify) each time the
 * incident changes.
 */
final class IncidentTwins implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The Ditto definition of incident things. */
  static final String DEFINITION = "greentwin:Incident:1";

  private final IncidentTopology topology;

  IncidentTwins(IncidentTopology topology) {
    this.topology = topology;
  }

  TwinPatch patch(Incident i) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode a = json.objectNode();
    a.put("incidentId", i.id());
    a.put("type", i.type().id());
    a.put("title", i.type().title());
    a.put("severity", i.severity().name().toLowerCase(java.util.Locale.ROOT));
    a.put("open", i.open());
    a.put("start", iso(i.startMs()));
    a.put("end", i.open() ? null : iso(i.endMs()));
    a.put("replayFrom", iso(i.replayFromMs()));
    a.put("replayTo", i.open() ? null : iso(i.replayToMs()));
    a.put("mainThing", i.mainThingId());
    var things = a.putArray("things");
    i.thingIds().forEach(things::add);
    a.put("summary", i.summary());
    String thingId = topology.incidentThingId(i.id());
    ObjectNode thing = json.objectNode();
    thing.put("thingId", thingId);
    thing.put("definition", DEFINITION);
    thing.set("attributes", a);
    long at = i.open() ? i.startMs() : i.endMs();
    return new TwinPatch(thingId, "/", thing.toString(), true, at);
  }

  private static String iso(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }
}
