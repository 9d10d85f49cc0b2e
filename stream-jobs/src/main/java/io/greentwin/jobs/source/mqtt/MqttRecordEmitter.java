package io.greentwin.jobs.source.mqtt;

import io.greentwin.jobs.source.RawReading;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Turns a received message into a {@link RawReading} ({@code origin = mqtt:<topic>}) and remembers
 * it for acknowledgement after the next checkpoint. Bytes that are not UTF-8 become U+FFFD, so the
 * message still reaches parsing, which dead-letters it, instead of failing here.
 */
final class MqttRecordEmitter implements RecordEmitter<ReceivedPublish, RawReading, MqttSplit> {
  /** Prefix of {@link RawReading#origin()} for messages from MQTT. */
  static final String ORIGIN_PREFIX = "mqtt:";

  private final PendingAcks acks;

  MqttRecordEmitter(PendingAcks acks) {
    this.acks = acks;
  }

  @Override
  public void emitRecord(ReceivedPublish r, SourceOutput<RawReading> output, MqttSplit split) {
    String payload = new String(r.publish().getPayloadAsBytes(), StandardCharsets.UTF_8);
    output.collect(new RawReading(payload, ORIGIN_PREFIX + r.publish().getTopic(), r.receivedMs()));
    acks.emitted(r.publish());
  }
}
