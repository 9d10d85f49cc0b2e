package io.greentwin.jobs.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqttSplitSerializerTest {
  @Test
  void splitsAndEnumeratorStateSurviveACheckpoint() throws IOException {
    MqttSplitSerializer splits = new MqttSplitSerializer();
    MqttSplit split = MqttSplit.of("greentwin-sync", 3);
    assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split))).isEqualTo(split);
    assertThat(split.splitId()).isEqualTo("greentwin-sync-3");

    MqttEnumeratorStateSerializer states = new MqttEnumeratorStateSerializer();
    MqttEnumeratorState state =
        new MqttEnumeratorState(4, List.of(MqttSplit.of("p", 1), MqttSplit.of("p", 3)));
    assertThat(states.deserialize(states.getVersion(), states.serialize(state))).isEqualTo(state);
  }

  @Test
  void rejectsAnUnknownVersion() {
    MqttSplitSerializer splits = new MqttSplitSerializer();
    assertThatThrownBy(() -> splits.deserialize(99, new byte[0]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 99");
  }
}
