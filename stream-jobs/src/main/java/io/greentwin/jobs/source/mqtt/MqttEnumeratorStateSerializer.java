package io.greentwin.jobs.source.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Writes the enumerator's split count and unassigned splits into checkpoints. */
final class MqttEnumeratorStateSerializer
    implements SimpleVersionedSerializer<MqttEnumeratorState> {
  private static final int VERSION = 1;
  private final MqttSplitSerializer splits = new MqttSplitSerializer();

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(MqttEnumeratorState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(state.splitCount());
      out.writeInt(splits.getVersion());
      byte[] list = MqttSplitSerializer.serializeAll(state.unassigned());
      out.writeInt(list.length);
      out.write(list);
    }
    return bytes.toByteArray();
  }

  @Override
  public MqttEnumeratorState deserialize(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown MQTT enumerator state version " + version);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int splitCount = in.readInt();
      int splitVersion = in.readInt();
      byte[] list = new byte[in.readInt()];
      in.readFully(list);
      return new MqttEnumeratorState(
          splitCount, MqttSplitSerializer.deserializeAll(splitVersion, list));
    }
  }
}
