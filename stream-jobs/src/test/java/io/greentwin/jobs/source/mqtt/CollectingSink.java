package io.greentwin.jobs.source.mqtt;

import io.greentwin.jobs.source.RawReading;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that hands every reading, with the subtask that wrote it, to the test in the same JVM
 * (the mini-cluster runs there), keyed by a per-test name; across restarts it keeps what earlier
 * attempts wrote, so a test sees duplicates and losses.
 */
final class CollectingSink implements Sink<RawReading> {
  /** A reading as the sink got it, with the subtask and the attempt (0, then 1 after a restart). */
  record Collected(int subtask, int attempt, RawReading reading) {}

  private static final Map<String, Queue<Collected>> RESULTS = new ConcurrentHashMap<>();

  private final String name;

  private CollectingSink(String name) {
    this.name = name;
  }

  /** A sink collecting under {@code name}, which must be unique to the test. */
  static CollectingSink named(String name) {
    RESULTS.put(name, new ConcurrentLinkedQueue<>());
    return new CollectingSink(name);
  }

  /** What the sink collected so far. */
  List<Collected> collected() {
    return List.copyOf(RESULTS.get(name));
  }

  /** Forgets the collected readings. */
  void discard() {
    RESULTS.remove(name);
  }

  @Override
  public SinkWriter<RawReading> createWriter(WriterInitContext context) {
    int subtask = context.getTaskInfo().getIndexOfThisSubtask();
    int attempt = context.getTaskInfo().getAttemptNumber();
    Queue<Collected> into = RESULTS.get(name);
    return new SinkWriter<>() {
      @Override
      public void write(RawReading reading, Context ctx) {
        into.add(new Collected(subtask, attempt, reading));
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}
