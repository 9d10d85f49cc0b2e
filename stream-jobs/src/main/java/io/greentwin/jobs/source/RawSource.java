package io.greentwin.jobs.source;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a job's raw messages come from: adds its source (and any source-side operators, such as
 * pacing) to an environment. Watermarks are assigned after parsing, from the readings' event times.
 */
@FunctionalInterface
public interface RawSource {
  /** Adds the source to {@code env} and returns its stream of raw messages. */
  DataStream<RawReading> open(StreamExecutionEnvironment env);

  /**
   * A FLIP-27 source of raw messages (the MQTT source, a test's collection source), added with no
   * watermarks and the given operator name and uid.
   */
  static RawSource of(Source<RawReading, ?, ?> source, String name) {
    return env -> env.fromSource(source, WatermarkStrategy.noWatermarks(), name).uid(name);
  }
}
