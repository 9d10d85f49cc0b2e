package io.greentwin.jobs.source.mqtt;

import io.greentwin.jobs.source.RawReading;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Reads sensor readings from an MQTT broker (MQTT 5, QoS 1) as {@link RawReading}s, at least once
 * across failures.
 *
 * <p>Each split is one subscription by one client with a fixed id ({@code <prefix>-<i>}) and a
 * persistent session. A message is acknowledged (PUBACK) only after the Flink checkpoint that
 * contains it completes; if the job fails before, the broker still holds the message in the session
 * and sends it again when the restarted split reconnects. With a shared group, the splits subscribe
 * to {@code $share/<group>/<filter>} and the broker divides the messages between them.
 *
 * <p>Limits (docs/ARCHITECTURE.md, "MQTT source"): a split takes at most {@code receiveMaximum}
 * messages between two completed checkpoints, so its rate is bounded by {@code receiveMaximum /
 * checkpoint interval}; messages beyond that wait in the broker's queue, which drops them once full
 * (Mosquitto {@code max_queued_messages}, default 1000). Checkpointing must be on: without it
 * nothing is ever acknowledged and each split stops after {@code receiveMaximum} messages.
 * Duplicates happen (after a failure, messages of the last incomplete checkpoint come again): the
 * sync job removes them by sensor and sequence number.
 */
public final class MqttSource implements Source<RawReading, MqttSplit, MqttEnumeratorState> {
  private static final long serialVersionUID = 1L;

  private final MqttSourceConfig config;
  private final Clock clock;

  MqttSource(MqttSourceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Starts a builder; {@code brokerUrl} and {@code clientIdPrefix} have no default. */
  public static MqttSourceBuilder builder() {
    return new MqttSourceBuilder();
  }

  /** The configuration this source runs with. */
  public MqttSourceConfig config() {
    return config;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<RawReading, MqttSplit> createReader(SourceReaderContext context) {
    return MqttSourceReader.create(config, clock, context);
  }

  @Override
  public SplitEnumerator<MqttSplit, MqttEnumeratorState> createEnumerator(
      SplitEnumeratorContext<MqttSplit> context) {
    int count = config.splitCount(context.currentParallelism());
    List<MqttSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      splits.add(MqttSplit.of(config.clientIdPrefix(), i));
    }
    return new MqttSplitEnumerator(context, new MqttEnumeratorState(count, splits));
  }

  @Override
  public SplitEnumerator<MqttSplit, MqttEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<MqttSplit> context, MqttEnumeratorState checkpoint) {
    return new MqttSplitEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<MqttSplit> getSplitSerializer() {
    return new MqttSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<MqttEnumeratorState> getEnumeratorCheckpointSerializer() {
    return new MqttEnumeratorStateSerializer();
  }

  @Override
  public String toString() {
    return "MqttSource[" + config + "]";
  }
}
