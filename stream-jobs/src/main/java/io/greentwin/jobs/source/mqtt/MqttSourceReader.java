package io.greentwin.jobs.source.mqtt;

import io.greentwin.jobs.source.RawReading;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * Reads the splits assigned to one parallel instance (one MQTT client each, on one fetcher thread)
 * and acknowledges a message to the broker only after the checkpoint that contains it completes.
 */
final class MqttSourceReader
    extends SingleThreadMultiplexSourceReaderBase<
        ReceivedPublish, RawReading, MqttSplit, MqttSplit> {
  private final PendingAcks acks;

  static MqttSourceReader create(
      MqttSourceConfig config, Clock clock, SourceReaderContext context) {
    return new MqttSourceReader(config, clock, context, new PendingAcks());
  }

  private MqttSourceReader(
      MqttSourceConfig config, Clock clock, SourceReaderContext context, PendingAcks acks) {
    super(
        () -> new MqttSplitReader(config, clock),
        new MqttRecordEmitter(acks),
        context.getConfiguration(),
        context);
    this.acks = acks;
    context.metricGroup().gauge("mqttPendingAcks", acks::size);
  }

  @Override
  public List<MqttSplit> snapshotState(long checkpointId) {
    acks.checkpointTaken(checkpointId);
    return super.snapshotState(checkpointId);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    super.notifyCheckpointComplete(checkpointId);
    acks.checkpointCompleted(checkpointId);
  }

  @Override
  protected void onSplitFinished(Map<String, MqttSplit> finishedSplitIds) {
    // MQTT splits never finish.
  }

  @Override
  protected MqttSplit initializedState(MqttSplit split) {
    return split;
  }

  @Override
  protected MqttSplit toSplitType(String splitId, MqttSplit split) {
    return split;
  }
}
