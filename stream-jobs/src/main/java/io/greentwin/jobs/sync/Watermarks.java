package io.greentwin.jobs.sync;

import io.greentwin.sim.Reading;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The watermark strategies of GreenTwin's jobs, in one place: event time is the reading's {@code
 * eventTime}, never the arrival time; watermarks trail the newest event time by the allowed
 * out-of-orderness; a source partition quiet for the idleness timeout stops holding them back.
 */
public final class Watermarks {
  private Watermarks() {}

  /** Readings, by their event time. */
  public static WatermarkStrategy<Reading> forReadings(
      Duration maxOutOfOrderness, Duration idleness) {
    return boundedOutOfOrderness(
        maxOutOfOrderness, idleness, (r, previous) -> r.eventTime().toEpochMilli());
  }

  /** Any record, by the event time the assigner reads from it. */
  public static <T> WatermarkStrategy<T> boundedOutOfOrderness(
      Duration maxOutOfOrderness, Duration idleness, SerializableTimestampAssigner<T> eventTime) {
    WatermarkStrategy<T> strategy =
        WatermarkStrategy.<T>forBoundedOutOfOrderness(maxOutOfOrderness)
            .withTimestampAssigner(eventTime);
    return idleness.isZero() ? strategy : strategy.withIdleness(idleness);
  }
}
