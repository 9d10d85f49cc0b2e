package io.greentwin.jobs.sync;

import io.greentwin.sim.Reading;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * A part of the job that consumes the validated readings: time-series roll-ups, KPIs, incidents. It
 * adds its operators (with a {@code .uid()} on each stateful one) and its own sinks, and hands the
 * twin patches and dead letters it produces to {@code outputs}, which the sync job sends to the
 * twin sink and the dead-letter sink.
 */
@FunctionalInterface
public interface ReadingBranch {
  /**
   * Attaches this branch to {@code readings}: parsed, validated against the campus, de-duplicated
   * by sensor and sequence number, with event-time timestamps and watermarks ({@link Watermarks})
   * assigned; not keyed, and late readings (by event time) included.
   */
  void attach(DataStream<Reading> readings, BranchOutputs outputs);
}
