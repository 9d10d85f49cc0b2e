package io.greentwin.jobs.source.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands split {@code i} to reader {@code i % parallelism}, so a restarted job gives every split
 * (hence every client id and broker session) an owner again. Readers that can never own a split
 * (parallelism above the split count) are told so and finish, which keeps them from holding back
 * watermarks.
 */
final class MqttSplitEnumerator implements SplitEnumerator<MqttSplit, MqttEnumeratorState> {
  private final SplitEnumeratorContext<MqttSplit> context;
  private final int splitCount;
  private final TreeMap<Integer, MqttSplit> unassigned = new TreeMap<>();

  MqttSplitEnumerator(SplitEnumeratorContext<MqttSplit> context, MqttEnumeratorState state) {
    this.context = context;
    this.splitCount = state.splitCount();
    state.unassigned().forEach(s -> unassigned.put(s.index(), s));
  }

  @Override
  public void start() {
    context.registeredReaders().keySet().forEach(this::assignTo);
  }

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    // Splits are pushed when a reader registers; nothing to do on request.
  }

  @Override
  public void addSplitsBack(List<MqttSplit> splits, int subtaskId) {
    splits.forEach(s -> unassigned.put(s.index(), s));
    if (context.registeredReaders().containsKey(subtaskId)) {
      assignTo(subtaskId);
    }
  }

  @Override
  public void addReader(int subtaskId) {
    assignTo(subtaskId);
  }

  @Override
  public MqttEnumeratorState snapshotState(long checkpointId) {
    return new MqttEnumeratorState(splitCount, new ArrayList<>(unassigned.values()));
  }

  @Override
  public void close() {
    // No resources.
  }

  private void assignTo(int subtaskId) {
    if (subtaskId >= splitCount) {
      context.signalNoMoreSplits(subtaskId);
      return;
    }
    int parallelism = context.currentParallelism();
    List<MqttSplit> mine =
        unassigned.values().stream().filter(s -> s.index() % parallelism == subtaskId).toList();
    for (MqttSplit split : mine) {
      unassigned.remove(split.index());
      context.assignSplit(split, subtaskId);
    }
  }
}
