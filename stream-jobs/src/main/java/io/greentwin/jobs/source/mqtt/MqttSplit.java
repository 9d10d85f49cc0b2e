package io.greentwin.jobs.source.mqtt;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One subscription of an {@link MqttSource}: one MQTT client with a fixed id and a persistent
 * session. The broker, not the split, remembers what is unacknowledged, so the split carries no
 * offset.
 *
 * @param index the split's number, 0-based
 * @param clientId the MQTT client id it always connects with
 */
public record MqttSplit(int index, String clientId) implements SourceSplit {
  /** The split of number {@code index} for client ids starting with {@code clientIdPrefix}. */
  static MqttSplit of(String clientIdPrefix, int index) {
    return new MqttSplit(index, clientIdPrefix + "-" + index);
  }

  @Override
  public String splitId() {
    return clientId;
  }
}
