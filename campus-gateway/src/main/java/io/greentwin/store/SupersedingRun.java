package io.greentwin.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One twin's events to replay, collected as the journal is scanned, overwritten as they come where
 * {@link Superseded} is exact: while every event so far sets a value below the root and no path
 * nests in another, an event replaces the earlier one of its path at once, so a campus snapshot
 * holds about one row per property instead of every row of a checkpoint interval (~200,000 at
 * 100,000 updates/s). The rows kept replay to the same twin as all of them: the prefix that was
 * thinned is one where dropping is exact, and from the first event that is not a plain set (or
 * whose path nests in another), every row is kept.
 */
final class SupersedingRun {
  private final List<TwinJournal.RawEvent> rows = new ArrayList<>();
  private final Map<String, Integer> lastByPath = new HashMap<>();
  private boolean thinning = true;
  private int holes;

  void add(TwinJournal.RawEvent r) {
    if (thinning) {
      thin(r);
    }
    rows.add(r);
  }

  /** The rows to replay, in journal order. */
  List<TwinJournal.RawEvent> rows() {
    compact();
    return rows;
  }

  private void thin(TwinJournal.RawEvent r) {
    Integer earlier = lastByPath.get(r.path());
    if (!Superseded.setsBelowRoot(r)
        || (earlier == null && Superseded.nestsWith(r.path(), lastByPath.keySet()))) {
      thinning = false;
      return;
    }
    if (earlier != null) {
      rows.set(earlier, null);
      if (++holes > 64 && holes > rows.size() / 2) {
        compact();
      }
    }
    lastByPath.put(r.path(), rows.size());
  }

  /** Removes overwritten rows; the positions of the kept ones move down. */
  private void compact() {
    if (holes == 0) {
      return;
    }
    int to = 0;
    for (TwinJournal.RawEvent r : rows) {
      if (r != null) {
        rows.set(to, r);
        if (thinning) {
          lastByPath.put(r.path(), to);
        }
        to++;
      }
    }
    rows.subList(to, rows.size()).clear();
    holes = 0;
  }
}
