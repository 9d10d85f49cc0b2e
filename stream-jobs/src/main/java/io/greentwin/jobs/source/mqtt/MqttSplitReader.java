package io.greentwin.jobs.source.mqtt;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

/**
 * Runs one {@link MqttSubscriber} per assigned split on the fetcher thread and hands what they
 * receive over in batches. The hand-over queue is unbounded on purpose: nothing is acknowledged
 * before a checkpoint, so the broker never sends a split more than its Receive Maximum of messages
 * ahead, and that bounds the queue.
 */
final class MqttSplitReader implements SplitReader<ReceivedPublish, MqttSplit> {
  private static final int MAX_BATCH = 4_096;
  private static final long POLL_MS = 100;

  /** Put on the queue by {@link #wakeUp()} to end a waiting {@link #fetch()} early. */
  private static final ReceivedPublish WAKE_UP = new ReceivedPublish("", null, 0);

  private final MqttSourceConfig config;
  private final Clock clock;
  private final LinkedBlockingQueue<ReceivedPublish> received = new LinkedBlockingQueue<>();
  private final Map<String, MqttSubscriber> subscribers = new LinkedHashMap<>();
  private final List<ReceivedPublish> batch = new ArrayList<>(MAX_BATCH);

  MqttSplitReader(MqttSourceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public RecordsWithSplitIds<ReceivedPublish> fetch() throws IOException {
    for (MqttSubscriber subscriber : subscribers.values()) {
      subscriber.checkConnected();
    }
    RecordsBySplits.Builder<ReceivedPublish> records = new RecordsBySplits.Builder<>();
    try {
      ReceivedPublish first = received.poll(POLL_MS, TimeUnit.MILLISECONDS);
      if (first == null) {
        return records.build();
      }
      batch.add(first);
      received.drainTo(batch, MAX_BATCH - 1);
      for (ReceivedPublish r : batch) {
        if (r != WAKE_UP) {
          records.add(r.splitId(), r);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      batch.clear();
    }
    return records.build();
  }

  @Override
  public void handleSplitsChanges(SplitsChange<MqttSplit> splitsChanges) {
    if (!(splitsChanges instanceof SplitsAddition)) {
      throw new UnsupportedOperationException(
          "MQTT splits are never removed, got " + splitsChanges.getClass().getSimpleName());
    }
    for (MqttSplit split : splitsChanges.splits()) {
      String splitId = split.splitId();
      subscribers.put(
          splitId,
          MqttSubscriber.connect(
              config, split, p -> received.add(new ReceivedPublish(splitId, p, clock.millis()))));
    }
  }

  @Override
  public void wakeUp() {
    received.add(WAKE_UP);
  }

  /** Disconnects every client; what they received and did not acknowledge is sent again later. */
  @Override
  public void close() {
    subscribers.values().forEach(MqttSubscriber::close);
    subscribers.clear();
    received.clear();
  }
}
