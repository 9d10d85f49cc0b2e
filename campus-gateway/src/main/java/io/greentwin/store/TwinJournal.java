package io.greentwin.store;

import io.greentwin.cache.BoundedMemo;
import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ObjLongConsumer;
import javax.sql.DataSource;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The SQL of the twin journal (schema {@code db/migration/V1__twin_journal.sql}): appending events,
 * snapshots and thing keys in one transaction, and the reads that history and recovery need.
 * Standard SQL that runs unchanged on H2 and PostgreSQL.
 */
final class TwinJournal {
  /** A snapshot row: the thing's JSON (null when deleted) at a revision. */
  record SnapshotRow(int thingKey, long revision, long tsMs, long seq, String state) {}

  /**
   * An event row ready to insert, its payload already rendered (its path is rendered on insert,
   * memoised); {@code prevSeq} is the thing's previous event (0 for its first).
   */
  record EventRow(long seq, long prevSeq, int thingKey, TwinEvent event, String payload) {
    static EventRow of(long seq, long prevSeq, int thingKey, TwinEvent e) {
      return new EventRow(seq, prevSeq, thingKey, e, e.value().toString());
    }
  }

  static final String EVENT_COLUMNS =
      "e.thing_key, e.revision, e.ts_ms, e.kind, e.path, e.payload, e.originator, e.seq,"
          + " e.prev_seq";

  private static final int POINTER_CACHE = 50_000;

  private final DataSource dataSource;
  private final boolean postgres;
  private final BoundedMemo<String, JsonPointer> pointers = new BoundedMemo<>(POINTER_CACHE);

  /** The other way: Ditto renders a pointer as text through a stream and a regex per key. */
  private final BoundedMemo<JsonPointer, String> pathTexts = new BoundedMemo<>(POINTER_CACHE);

  private final JournalScan scan;

  TwinJournal(DataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.scan = new JournalScan(postgres);
  }

  boolean isPostgres() {
    return postgres;
  }

  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Appends in the connection's open transaction (the caller commits). */
  void append(
      Connection c,
      Map<ThingId, Integer> newThings,
      List<EventRow> events,
      List<SnapshotRow> snapshots)
      throws SQLException {
    if (!newThings.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO twin_thing (thing_key, thing_id) VALUES (?, ?)")) {
        for (Map.Entry<ThingId, Integer> t : newThings.entrySet()) {
          ps.setInt(1, t.getValue());
          ps.setString(2, t.getKey().toString());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO twin_event"
                + " (seq, thing_key, revision, ts_ms, kind, path, payload, originator, prev_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (EventRow r : events) {
        TwinEvent e = r.event();
        ps.setLong(1, r.seq());
        ps.setInt(2, r.thingKey());
        ps.setLong(3, e.revision());
        ps.setLong(4, e.timestamp().toEpochMilli());
        ps.setShort(5, (short) e.kind().ordinal());
        ps.setString(6, pathTexts.get(e.path(), JsonPointer::toString));
        ps.setString(7, r.payload());
        ps.setString(8, e.originator());
        if (r.prevSeq() > 0) {
          ps.setLong(9, r.prevSeq());
        } else {
          ps.setNull(9, java.sql.Types.BIGINT);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
    insertSnapshots(c, snapshots);
  }

  void insertSnapshots(Connection c, List<SnapshotRow> snapshots) throws SQLException {
    if (snapshots.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO twin_snapshot (thing_key, revision, ts_ms, seq, state) VALUES (?,?,?,?,?)")) {
      for (SnapshotRow s : snapshots) {
        ps.setInt(1, s.thingKey());
        ps.setLong(2, s.revision());
        ps.setLong(3, s.tsMs());
        ps.setLong(4, s.seq());
        ps.setString(5, s.state());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Every thing key and id. */
  List<Object[]> thingKeys(Connection c) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT thing_key, thing_id FROM twin_thing");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Object[] {rs.getInt(1), rs.getString(2)});
      }
    }
    return out;
  }

  long maxSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM twin_event");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The newest snapshot of every thing, optionally at or before a time: one grouped scan for the
   * revisions, then a primary-key read of each (a join here makes H2 re-run the grouping per row).
   */
  List<SnapshotRow> latestSnapshots(Connection c, Long atOrBeforeMs) throws SQLException {
    if (postgres) {
      // PostgreSQL answers "newest row per thing" in one index-ordered pass.
      String sql =
          "SELECT DISTINCT ON (thing_key) thing_key, revision, ts_ms, seq, state"
              + " FROM twin_snapshot"
              + (atOrBeforeMs == null ? "" : " WHERE ts_ms <= ?")
              + " ORDER BY thing_key, revision DESC";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        if (atOrBeforeMs != null) {
          ps.setLong(1, atOrBeforeMs);
        }
        return snapshots(ps);
      }
    }
    String group =
        "SELECT thing_key, MAX(revision) FROM twin_snapshot"
            + (atOrBeforeMs == null ? "" : " WHERE ts_ms <= ?")
            + " GROUP BY thing_key";
    List<long[]> latest = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(group)) {
      if (atOrBeforeMs != null) {
        ps.setLong(1, atOrBeforeMs);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          latest.add(new long[] {rs.getInt(1), rs.getLong(2)});
        }
      }
    }
    List<SnapshotRow> out = new ArrayList<>(latest.size());
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT thing_key, revision, ts_ms, seq, state"
                + " FROM twin_snapshot WHERE thing_key = ? AND revision = ?")) {
      for (long[] k : latest) {
        ps.setInt(1, (int) k[0]);
        ps.setLong(2, k[1]);
        out.addAll(snapshots(ps));
      }
    }
    return out;
  }

  /** Records a checkpoint at a journal sequence (in the caller's transaction). */
  void checkpoint(Connection c, long seq, long tsMs) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO twin_checkpoint (seq, ts_ms) VALUES (?, ?)")) {
      ps.setLong(1, seq);
      ps.setLong(2, tsMs);
      ps.executeUpdate();
    }
  }

  /** The sequence of the newest checkpoint (at or before a time), 0 when none. */
  long checkpointSeq(Connection c, Long atOrBeforeMs) throws SQLException {
    String sql =
        "SELECT MAX(seq) FROM twin_checkpoint" + (atOrBeforeMs == null ? "" : " WHERE ts_ms <= ?");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (atOrBeforeMs != null) {
        ps.setLong(1, atOrBeforeMs);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A journal row as stored, not parsed yet: readers parse only the rows they need. */
  record RawEvent(
      long seq,
      int thingKey,
      long revision,
      long tsMs,
      short kind,
      String path,
      String payload,
      String originator) {}

  /**
   * Events with {@code seq > afterSeq} (and at or before a time), in journal order, each with its
   * seq.
   */
  void eventsAfter(
      Connection c,
      long afterSeq,
      Long atOrBeforeMs,
      IntFunction<ThingId> ids,
      ObjLongConsumer<TwinEvent> sink)
      throws SQLException {
    scan.rows(
        c,
        new JournalScan.Range(afterSeq, Long.MAX_VALUE, atOrBeforeMs),
        r -> sink.accept(event(r, ids.apply(r.thingKey())), r.seq()));
  }

  /** As {@link #eventsAfter}, the rows unparsed; the scan stops at {@code range.toSeq()}. */
  void rawEventsAfter(
      Connection c, JournalScan.Range range, java.util.function.Consumer<RawEvent> sink)
      throws SQLException {
    scan.rows(c, range, sink);
  }

  /** The thing's newest snapshot at or before a revision. */
  Optional<SnapshotRow> snapshotAtRevision(int key, long revision) throws SQLException {
    return one(
        "SELECT thing_key, revision, ts_ms, seq, state FROM twin_snapshot"
            + " WHERE thing_key = ? AND revision <= ? ORDER BY revision DESC",
        key,
        revision);
  }

  /** The thing's newest snapshot at or before a time. */
  Optional<SnapshotRow> snapshotAtTime(int key, long tsMs) throws SQLException {
    return one(
        "SELECT thing_key, revision, ts_ms, seq, state FROM twin_snapshot"
            + " WHERE thing_key = ? AND ts_ms <= ? ORDER BY ts_ms DESC, revision DESC",
        key,
        tsMs);
  }

  private Optional<SnapshotRow> one(String sql, int key, long bound) throws SQLException {
    try (Connection c = connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setMaxRows(1);
      ps.setInt(1, key);
      ps.setLong(2, bound);
      return snapshots(ps).stream().findFirst();
    }
  }

  private static List<SnapshotRow> snapshots(PreparedStatement ps) throws SQLException {
    List<SnapshotRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new SnapshotRow(
                rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
      }
    }
    return out;
  }

  /** The event of a row selected with {@link #EVENT_COLUMNS}. */
  TwinEvent event(ResultSet rs, IntFunction<ThingId> ids) throws SQLException {
    RawEvent r = raw(rs);
    return event(r, ids.apply(r.thingKey()));
  }

  /** A row selected with {@link #EVENT_COLUMNS}, unparsed. */
  static RawEvent raw(ResultSet rs) throws SQLException {
    return new RawEvent(
        rs.getLong(8),
        rs.getInt(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getShort(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }

  /** The event of a raw row of the thing {@code id}. */
  TwinEvent event(RawEvent r, ThingId id) {
    return new TwinEvent(
        id,
        EventKind.ofCode(r.kind()),
        pointer(r.path()),
        JsonFactory.readFrom(r.payload()),
        r.revision(),
        Instant.ofEpochMilli(r.tsMs()),
        r.originator());
  }

  /**
   * A path parsed once: journals repeat a few thousand paths, and Ditto's pointer parser (a regex
   * split per level) dominated replaying events. Bounded by clearing when full.
   */
  private JsonPointer pointer(String path) {
    return pointers.get(path, JsonPointer::of);
  }
}
