package io.greentwin.store;

import io.greentwin.twin.EventKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops the events of one twin's replay that a later event overwrites. Only where that is exact:
 * every event sets a value ({@code created}/{@code modified}) below the root, and no path is a
 * proper prefix of another — then writes to different paths commute, the last write to a path wins,
 * and the last event (kept) stamps revision and time. Anything else is replayed in full. A campus
 * snapshot replays seconds of sensor updates, mostly the same properties over again.
 */
final class Superseded {
  private Superseded() {}

  static List<TwinJournal.RawEvent> dropped(List<TwinJournal.RawEvent> events) {
    if (events.size() < 2) {
      return events;
    }
    Set<String> paths = new HashSet<>();
    for (TwinJournal.RawEvent e : events) {
      if (!setsBelowRoot(e)) {
        return events;
      }
      paths.add(e.path());
    }
    for (String p : paths) {
      if (nestsWith(p, paths)) {
        return events;
      }
    }
    List<TwinJournal.RawEvent> kept = new ArrayList<>(paths.size());
    Set<String> later = new HashSet<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      if (later.add(events.get(i).path())) {
        kept.add(events.get(i));
      }
    }
    java.util.Collections.reverse(kept);
    return kept;
  }

  /** True when the event sets a value below the root: one that a later set of its path undoes. */
  static boolean setsBelowRoot(TwinJournal.RawEvent e) {
    EventKind kind = EventKind.ofCode(e.kind());
    return (kind == EventKind.CREATED || kind == EventKind.MODIFIED) && !isRoot(e.path());
  }

  /**
   * True when {@code p} is a proper prefix of one of {@code paths}, or one of them of {@code p}.
   */
  static boolean nestsWith(String p, Collection<String> paths) {
    for (String q : paths) {
      if (prefixOf(p, q) || prefixOf(q, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean prefixOf(String p, String q) {
    return q.length() > p.length() && q.startsWith(p) && q.charAt(p.length()) == '/';
  }

  private static boolean isRoot(String path) {
    return path.isEmpty() || path.equals("/");
  }
}
