package io.greentwin.store;

import io.greentwin.twin.EventKind;
import java.util.ArrayList;
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
      EventKind kind = EventKind.ofCode(e.kind());
      if ((kind != EventKind.CREATED && kind != EventKind.MODIFIED) || isRoot(e.path())) {
        return events;
      }
      paths.add(e.path());
    }
    for (String p : paths) {
      for (String q : paths) {
        if (q.length() > p.length() && q.startsWith(p) && q.charAt(p.length()) == '/') {
          return events;
        }
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

  private static boolean isRoot(String path) {
    return path.isEmpty() || path.equals("/");
  }
}
