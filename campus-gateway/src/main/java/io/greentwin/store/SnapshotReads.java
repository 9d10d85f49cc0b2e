package io.greentwin.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's snapshot reads a campus snapshot makes for thousands of twins at once: each twin's
 * newest snapshot at or before a time, and the states of those not held yet. On H2, in the same
 * process, one index seek per twin; on PostgreSQL, where each statement is a round trip, one
 * statement for all of them (the twins' keys as an array, a lateral index seek per key): 5,000
 * point queries took most of a cold snapshot there.
 */
final class SnapshotReads {
  private static final String STATE_SQL =
      "SELECT state FROM twin_snapshot WHERE thing_key = ? AND revision = ?";

  private final boolean postgres;

  SnapshotReads(boolean postgres) {
    this.postgres = postgres;
  }

  /**
   * The (thing key, revision) of each key's newest snapshot at or before a time, for the keys that
   * have one; without the states: callers fetch only those they do not hold ({@link #states}).
   * Snapshot times never fall as a twin's revisions rise, so the newest by time is the newest.
   */
  List<long[]> latest(Connection c, long atOrBeforeMs, Collection<Integer> keys)
      throws SQLException {
    List<long[]> out = new ArrayList<>(keys.size());
    if (postgres) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT k.key, s.revision FROM unnest(?) AS k(key) CROSS JOIN LATERAL"
                  + " (SELECT revision FROM twin_snapshot WHERE thing_key = k.key AND ts_ms <= ?"
                  + " ORDER BY ts_ms DESC, revision DESC LIMIT 1) s")) {
        ps.setArray(1, c.createArrayOf("integer", keys.toArray()));
        ps.setLong(2, atOrBeforeMs);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new long[] {rs.getInt(1), rs.getLong(2)});
          }
        }
      }
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT revision FROM twin_snapshot WHERE thing_key = ? AND ts_ms <= ?"
                + " ORDER BY revision DESC")) {
      ps.setMaxRows(1);
      for (int key : keys) {
        ps.setInt(1, key);
        ps.setLong(2, atOrBeforeMs);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.add(new long[] {key, rs.getLong(1)});
          }
        }
      }
    }
    return out;
  }

  /**
   * The state JSON of each (thing key, revision) snapshot, in order (null where the thing was
   * deleted then, or the snapshot is gone).
   */
  List<String> states(Connection c, List<long[]> snapshots) throws SQLException {
    List<String> out = new ArrayList<>(snapshots.size());
    if (snapshots.isEmpty()) {
      return out;
    }
    if (postgres) {
      Map<Long, Map<Integer, String>> byRevision = new HashMap<>();
      Integer[] keys = new Integer[snapshots.size()];
      Long[] revisions = new Long[snapshots.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = (int) snapshots.get(i)[0];
        revisions[i] = snapshots.get(i)[1];
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT s.thing_key, s.revision, s.state FROM unnest(?, ?) AS k(key, revision)"
                  + " JOIN twin_snapshot s ON s.thing_key = k.key AND s.revision = k.revision")) {
        Array keyArray = c.createArrayOf("integer", keys);
        Array revisionArray = c.createArrayOf("bigint", revisions);
        ps.setArray(1, keyArray);
        ps.setArray(2, revisionArray);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            byRevision
                .computeIfAbsent(rs.getLong(2), r -> new HashMap<>())
                .put(rs.getInt(1), rs.getString(3));
          }
        }
      }
      for (long[] s : snapshots) {
        out.add(byRevision.getOrDefault(s[1], Map.of()).get((int) s[0]));
      }
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(STATE_SQL)) {
      for (long[] s : snapshots) {
        ps.setInt(1, (int) s[0]);
        ps.setLong(2, s[1]);
        try (ResultSet rs = ps.executeQuery()) {
          out.add(rs.next() ? rs.getString(1) : null);
        }
      }
    }
    return out;
  }
}
