package io.greentwin.jobs.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The series dictionary: inserts new series and checks that no id names two series. */
record SeriesDictionary(Connection c) {
  void register(Iterable<TimeSeriesRow> rows) throws SQLException {
    try (PreparedStatement in =
            c.prepareStatement(
                "INSERT INTO ts_series"
                    + " (series_id, thing_id, feature, property, unit, first_seen_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement check =
            c.prepareStatement(
                "SELECT thing_id, feature, property FROM ts_series WHERE series_id = ?")) {
      for (TimeSeriesRow r : rows) {
        check.setLong(1, r.seriesId());
        try (ResultSet rs = check.executeQuery()) {
          if (rs.next()) {
            verify(r, rs.getString(1), rs.getString(2), rs.getString(3));
            continue;
          }
        }
        in.setLong(1, r.seriesId());
        in.setString(2, r.thingId());
        in.setString(3, r.feature());
        in.setString(4, r.property());
        in.setString(5, r.unit());
        in.setLong(6, r.bucketStartMs());
        in.executeUpdate();
      }
    }
  }

  private static void verify(TimeSeriesRow r, String thing, String feature, String property) {
    if (!r.thingId().equals(thing)
        || !r.feature().equals(feature)
        || !r.property().equals(property)) {
      throw new IllegalStateException(
          "time-series id collision: "
              + r.seriesId()
              + " names both "
              + thing
              + "/"
              + feature
              + "/"
              + property
              + " and "
              + r.thingId()
              + "/"
              + r.feature()
              + "/"
              + r.property());
    }
  }
}
