package io.greentwin.jobs.source.mqtt;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The messages emitted but not yet acknowledged to the broker, grouped by the checkpoint that
 * contains them. A message is acknowledged (PUBACK) only once a checkpoint at or after it has
 * completed, so a failure before that makes the broker send it again. Used only from the task
 * thread (emit, snapshot and checkpoint notifications all run there).
 */
final class PendingAcks {
  private List<Mqtt5Publish> sinceLastCheckpoint = new ArrayList<>();
  private final TreeMap<Long, List<Mqtt5Publish>> byCheckpoint = new TreeMap<>();

  /** Written by the task thread only; a metrics thread may read a slightly stale value. */
  private int pending;

  /** Records a message that was just emitted. */
  void emitted(Mqtt5Publish publish) {
    sinceLastCheckpoint.add(publish);
    pending++;
  }

  /** The messages emitted so far belong to checkpoint {@code checkpointId}. */
  void checkpointTaken(long checkpointId) {
    if (!sinceLastCheckpoint.isEmpty()) {
      byCheckpoint.put(checkpointId, sinceLastCheckpoint);
      sinceLastCheckpoint = new ArrayList<>();
    }
  }

  /**
   * Acknowledges every message of checkpoint {@code checkpointId} and of the earlier ones (an
   * aborted checkpoint's messages wait for the next that completes).
   *
   * @return how many messages were acknowledged
   */
  int checkpointCompleted(long checkpointId) {
    Map<Long, List<Mqtt5Publish>> done = byCheckpoint.headMap(checkpointId, true);
    int acknowledged = 0;
    for (List<Mqtt5Publish> publishes : done.values()) {
      publishes.forEach(Mqtt5Publish::acknowledge);
      acknowledged += publishes.size();
    }
    done.clear();
    pending -= acknowledged;
    return acknowledged;
  }

  /** Messages emitted and not acknowledged yet. */
  int size() {
    return pending;
  }
}
