package io.greentwin.jobs.source.mqtt;

import java.util.List;

/**
 * What the split enumerator checkpoints: how many splits the source has, and those no reader holds
 * yet (assigned splits live in their reader's state).
 *
 * @param splitCount the number of splits, fixed at the job's first start
 * @param unassigned splits still to hand out
 */
public record MqttEnumeratorState(int splitCount, List<MqttSplit> unassigned) {
  public MqttEnumeratorState {
    unassigned = List.copyOf(unassigned);
  }
}
