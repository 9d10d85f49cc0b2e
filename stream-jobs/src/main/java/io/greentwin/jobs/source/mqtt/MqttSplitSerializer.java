package io.greentwin.jobs.source.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Writes splits into checkpoints (version 1: index, client id), singly or as a list. */
final class MqttSplitSerializer implements SimpleVersionedSerializer<MqttSplit> {
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(MqttSplit split) throws IOException {
    return serializeAll(List.of(split));
  }

  @Override
  public MqttSplit deserialize(int version, byte[] bytes) throws IOException {
    List<MqttSplit> splits = deserializeAll(version, bytes);
    if (splits.size() != 1) {
      throw new IOException("expected one MQTT split, found " + splits.size());
    }
    return splits.get(0);
  }

  static byte[] serializeAll(List<MqttSplit> splits) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(splits.size());
      for (MqttSplit split : splits) {
        out.writeInt(split.index());
        out.writeUTF(split.clientId());
      }
    }
    return bytes.toByteArray();
  }

  static List<MqttSplit> deserializeAll(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown MQTT split serializer version " + version);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      List<MqttSplit> splits = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        splits.add(new MqttSplit(in.readInt(), in.readUTF()));
      }
      return splits;
    }
  }
}
