package io.greentwin.store;

import io.greentwin.twin.TwinEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.ditto.things.model.ThingId;

/**
 * One thing's events between two revisions, read without a per-thing index on the journal (see
 * {@code V4__event_chain.sql}): every event links to the thing's previous one, so the reader starts
 * at an event at or after the wanted range — the thing's next snapshot, or its latest event — and
 * walks back by primary key. Rows from before the chain existed, or a range much longer than the
 * journal around it, are read by one scan of the seq range between the snapshots around the wanted
 * revisions instead; both give exactly the thing's events in revision order.
 */
final class EventChain {
  /**
   * A seq range holding at most this many journal rows per wanted event is scanned in one query (a
   * hot twin); a sparser one (a twin among many busy ones) is walked, one lookup per event.
   */
  private static final int SCAN_PER_EVENT = 16;

  private final TwinJournal journal;

  EventChain(TwinJournal journal) {
    this.journal = journal;
  }

  /**
   * The thing's events with {@code from <= revision <= to}, in revision order.
   *
   * @param latestSeq the seq of the thing's latest committed event (0 if none)
   * @param lowerSeq a seq below every event of the thing from {@code from} on (the seq of its
   *     snapshot before {@code from}), or -1 to look it up
   */
  List<TwinEvent> events(
      Connection c, int key, ThingId id, long from, long to, long latestSeq, long lowerSeq)
      throws SQLException {
    if (from > to) {
      return List.of();
    }
    long[] after = snapshotAtOrAfter(c, key, to);
    long entry = after != null ? after[1] : latestSeq;
    if (entry <= 0) {
      return List.of();
    }
    // Every event with a revision >= from comes after the snapshot before it in the journal.
    long lower = lowerSeq >= 0 ? lowerSeq : seqOfSnapshotBefore(c, key, from);
    if (entry - lower > SCAN_PER_EVENT * (to - from + 1)) {
      List<TwinEvent> walked = walk(c, key, id, from, to, entry);
      if (walked != null) {
        return walked;
      }
    }
    return scan(c, key, id, from, to, lower, entry);
  }

  /** Walks the chain back from {@code entry}; null when it reaches rows without links. */
  private List<TwinEvent> walk(Connection c, int key, ThingId id, long from, long to, long entry)
      throws SQLException {
    List<TwinEvent> back = new ArrayList<>();
    long seq = entry;
    long above = Long.MAX_VALUE;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + TwinJournal.EVENT_COLUMNS + " FROM twin_event e WHERE seq = ?")) {
      while (true) {
        ps.setLong(1, seq);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || rs.getInt(1) != key || rs.getLong(2) >= above) {
            return null; // an old checkpoint snapshot's seq, or a row from before the chain
          }
          long revision = rs.getLong(2);
          if (revision < from) {
            break;
          }
          if (revision <= to) {
            back.add(journal.event(rs, k -> id));
          }
          long prev = rs.getLong(9);
          if (rs.wasNull() || revision == from) {
            if (revision > from && revision > 1) {
              return null;
            }
            break;
          }
          above = revision;
          seq = prev;
        }
      }
    }
    Collections.reverse(back);
    return back;
  }

  private List<TwinEvent> scan(
      Connection c, int key, ThingId id, long from, long to, long afterSeq, long toSeq)
      throws SQLException {
    List<TwinEvent> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + TwinJournal.EVENT_COLUMNS
                + " FROM twin_event e WHERE e.seq > ? AND e.seq <= ? AND e.thing_key = ?"
                + " AND e.revision >= ? AND e.revision <= ? ORDER BY e.seq")) {
      ps.setLong(1, afterSeq);
      ps.setLong(2, toSeq);
      ps.setInt(3, key);
      ps.setLong(4, from);
      ps.setLong(5, to);
      ps.setFetchSize(10_000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(journal.event(rs, k -> id));
        }
      }
    }
    return out;
  }

  /** The (revision, seq) of the thing's first snapshot at or after a revision, or null. */
  private static long[] snapshotAtOrAfter(Connection c, int key, long revision)
      throws SQLException {
    return firstSnapshot(
        c, "WHERE thing_key = ? AND revision >= ? ORDER BY revision", key, revision);
  }

  /** The seq of the thing's newest snapshot before a revision, 0 when none. */
  private static long seqOfSnapshotBefore(Connection c, int key, long revision)
      throws SQLException {
    long[] s =
        firstSnapshot(
            c, "WHERE thing_key = ? AND revision < ? ORDER BY revision DESC", key, revision);
    return s == null ? 0 : s[1];
  }

  private static long[] firstSnapshot(Connection c, String where, int key, long revision)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT revision, seq FROM twin_snapshot " + where)) {
      ps.setMaxRows(1);
      ps.setInt(1, key);
      ps.setLong(2, revision);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
      }
    }
  }
}
