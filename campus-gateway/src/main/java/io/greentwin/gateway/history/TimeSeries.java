package io.greentwin.gateway.history;

import io.greentwin.jobs.timeseries.SeriesAggregate;
import io.greentwin.jobs.timeseries.TimeSeriesReader;
import io.greentwin.twin.TwinEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonArrayBuilder;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;

/**
 * Renders a {@link TimeSeriesQuery} from the time-series store's roll-ups, or computes it from a
 * twin's events: every event that leaves a number at the path is one sample at the event's
 * timestamp; samples fall into epoch-aligned buckets; a bucket without samples is left out.
 * Non-numeric values and removals give no sample.
 */
final class TimeSeries {
  private TimeSeries() {}

  /** One bucket's running aggregate. */
  private static final class Bucket {
    long count;
    double sum;
    JsonValue min;
    JsonValue max;
    JsonValue last;

    void add(JsonValue v) {
      double d = v.asDouble();
      count++;
      sum += d;
      min = min == null || d < min.asDouble() ? v : min;
      max = max == null || d > max.asDouble() ? v : max;
      last = v;
    }

    JsonValue value(TimeSeriesQuery.Aggregation agg) {
      return switch (agg) {
        case AVG -> JsonValue.of(sum / count);
        case MIN -> min;
        case MAX -> max;
        case LAST -> last;
        case COUNT -> JsonValue.of(count);
      };
    }
  }

  /** The series as JSON: the query echoed and the non-empty buckets as points. */
  static JsonObject compute(TimeSeriesQuery q, List<TwinEvent> events) {
    long stepMs = q.step().toMillis();
    PropertyTrack track = new PropertyTrack(q.path());
    Map<Long, Bucket> buckets = new TreeMap<>();
    for (TwinEvent e : events) {
      if (e.timestamp().isBefore(q.from()) || !e.timestamp().isBefore(q.to())) {
        continue;
      }
      if (track.apply(e) instanceof PropertyTrack.Value v) {
        Optional<JsonValue> value = v.value().filter(JsonValue::isNumber);
        if (value.isPresent()) {
          long start = Math.floorDiv(e.timestamp().toEpochMilli(), stepMs) * stepMs;
          buckets.computeIfAbsent(start, k -> new Bucket()).add(value.get());
        }
      }
    }
    JsonArrayBuilder points = JsonFactory.newArrayBuilder();
    buckets.forEach((start, b) -> points.add(point(start, b.value(q.aggregation()))));
    return envelope(q, points);
  }

  /**
   * The series as JSON from the time-series store's steps (numbers come back as doubles, counts as
   * integers).
   */
  static JsonObject fromStore(TimeSeriesQuery q, List<TimeSeriesReader.Point> steps) {
    JsonArrayBuilder points = JsonFactory.newArrayBuilder();
    for (TimeSeriesReader.Point p : steps) {
      SeriesAggregate a = p.aggregate();
      JsonValue value =
          switch (q.aggregation()) {
            case AVG -> JsonValue.of(a.avg());
            case MIN -> JsonValue.of(a.min());
            case MAX -> JsonValue.of(a.max());
            case LAST -> JsonValue.of(a.last());
            case COUNT -> JsonValue.of(a.count());
          };
      points.add(point(p.startMs(), value));
    }
    return envelope(q, points);
  }

  private static JsonObject point(long startMs, JsonValue value) {
    return JsonFactory.newObjectBuilder()
        .set("t", Instant.ofEpochMilli(startMs).toString())
        .set("value", value)
        .build();
  }

  private static JsonObject envelope(TimeSeriesQuery q, JsonArrayBuilder points) {
    return JsonFactory.newObjectBuilder()
        .set("thingId", q.thingId().toString())
        .set("path", q.path().toString())
        .set("from", q.from().toString())
        .set("to", q.to().toString())
        .set("step", q.step().toString())
        .set("agg", q.aggregation().id())
        .set("points", (JsonArray) points.build())
        .build();
  }
}
