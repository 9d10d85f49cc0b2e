package io.greentwin.gateway.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingRevision;

/**
 * Each twin's full JSON ({@code Thing.toJson(p -> true)}, special fields included) with its path
 * index ({@link IndexedJson}), kept per thing and recomputed only when the thing's revision
 * changes: rendering and indexing a thing costs microseconds, which across 10,000 twins would
 * dominate a search. Safe for concurrent use; entries of deleted twins are dropped by {@link
 * #retain}.
 */
public final class ThingJsonCache {
  private record Entry(long revision, IndexedJson json) {}

  private final Map<ThingId, Entry> entries = new ConcurrentHashMap<>();

  /** The thing's full JSON, indexed, from the cache when the revision matches. */
  public IndexedJson json(Thing thing) {
    ThingId id = thing.getEntityId().orElse(null);
    long revision = thing.getRevision().map(ThingRevision::toLong).orElse(-1L);
    if (id == null || revision < 0) {
      return IndexedJson.of(thing.toJson(f -> true));
    }
    Entry e = entries.get(id);
    if (e == null || e.revision() != revision) {
      e = new Entry(revision, IndexedJson.of(thing.toJson(f -> true)));
      entries.put(id, e);
    }
    return e.json();
  }

  /** Drops the entries of things no longer present, once the cache holds noticeably more. */
  public void retain(Collection<Thing> live) {
    if (entries.size() <= live.size() + Math.max(64, live.size() / 8)) {
      return;
    }
    Set<ThingId> ids = new HashSet<>();
    live.forEach(t -> t.getEntityId().ifPresent(ids::add));
    entries.keySet().retainAll(ids);
  }
}
