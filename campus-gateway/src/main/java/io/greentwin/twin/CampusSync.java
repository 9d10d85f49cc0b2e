package io.greentwin.twin;

import io.greentwin.campus.Campus;
import io.greentwin.things.CampusThings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.Thing;

/**
 * Creates or updates the twins of a campus config, idempotently: a missing thing is created; an
 * existing one gets the config's definition and attributes and any missing feature, but keeps the
 * property values its sensors wrote; an unchanged one is not touched (no event).
 */
public final class CampusSync {
  private static final String ORIGINATOR = "greentwin:campus-config";

  private CampusSync() {}

  /** What a sync did. */
  public record Result(int created, int updated, int unchanged) {}

  /** Syncs every thing of the campus; completes when all writes are durable. */
  public static Result sync(TwinService twins, Campus campus) {
    List<CompletableFuture<TwinWriteResult>> writes = new ArrayList<>();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Thing wanted : CampusThings.things(campus).toList()) {
      Optional<Thing> current = twins.get(wanted.getEntityId().orElseThrow());
      if (current.isEmpty()) {
        writes.add(
            twins.write(
                TwinWrite.put(
                    wanted.getEntityId().orElseThrow(),
                    JsonPointer.empty(),
                    wanted.toJson(),
                    ORIGINATOR)));
        created++;
        continue;
      }
      List<TwinWrite> changes = changes(current.get(), wanted);
      changes.forEach(w -> writes.add(twins.write(w)));
      if (changes.isEmpty()) {
        unchanged++;
      } else {
        updated++;
      }
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    return new Result(created, updated, unchanged);
  }

  private static List<TwinWrite> changes(Thing current, Thing wanted) {
    var id = wanted.getEntityId().orElseThrow();
    List<TwinWrite> out = new ArrayList<>();
    JsonValue wantedDef =
        wanted
            .getDefinition()
            .map(d -> (JsonValue) JsonValue.of(d.toString()))
            .orElse(JsonValue.nullLiteral());
    JsonValue currentDef =
        current
            .getDefinition()
            .map(d -> (JsonValue) JsonValue.of(d.toString()))
            .orElse(JsonValue.nullLiteral());
    if (!wantedDef.equals(currentDef)) {
      out.add(TwinWrite.put(id, JsonPointer.of("/definition"), wantedDef, ORIGINATOR));
    }
    JsonObject wantedAttrs =
        wanted.getAttributes().map(a -> (JsonObject) a).orElse(JsonObject.empty());
    if (!wantedAttrs.equals(
        current.getAttributes().map(a -> (JsonObject) a).orElse(JsonObject.empty()))) {
      out.add(TwinWrite.put(id, JsonPointer.of("/attributes"), wantedAttrs, ORIGINATOR));
    }
    for (Feature f : wanted.getFeatures().map(fs -> (Iterable<Feature>) fs).orElse(List.of())) {
      boolean present = current.getFeatures().flatMap(fs -> fs.getFeature(f.getId())).isPresent();
      if (!present) {
        out.add(
            TwinWrite.put(id, JsonPointer.of("/features/" + f.getId()), f.toJson(), ORIGINATOR));
      }
    }
    return out;
  }
}
