package io.greentwin.cli;

import io.greentwin.jobs.source.RawReading;
import io.greentwin.jobs.source.RawSource;
import io.greentwin.jobs.twin.ObservedAt;
import io.greentwin.jobs.twin.TwinPatch;
import io.greentwin.sim.Reading;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * What {@code greentwin bench ingest} observes inside its job, in the same JVM: readings that
 * passed parse, validation and de-duplication; the wall time the first simulated tick was emitted
 * (the anchor of the pacing schedule); and, per thing, the event-time range of readings each twin
 * patch carries, in the order the twin sink sent them. Flink serialises the job's functions, so
 * they find their probe by id in a JVM-wide registry; a benchmark only, never used by a deployed
 * job.
 */
final class IngestProbe {
  private static final Map<String, IngestProbe> REGISTRY = new ConcurrentHashMap<>();

  /** The readings in a patch: event times in (fromExclusiveMs, toMs], properties per tick. */
  record PatchSpan(long fromExclusiveMs, long toMs, int properties) {}

  /** The span of a patch that carries no sensor reading. */
  static final PatchSpan NO_READINGS = new PatchSpan(0, 0, 0);

  final String id;
  final LongAdder readings = new LongAdder();
  final AtomicLong anchorMs = new AtomicLong(Long.MIN_VALUE);
  private final Map<String, ArrayDeque<PatchSpan>> sent = new ConcurrentHashMap<>();
  private final Map<String, Long> newestSent = new ConcurrentHashMap<>();
  private final long firstTickMs;
  private final long intervalMs;

  private IngestProbe(String id, long firstTickMs, long intervalMs) {
    this.id = id;
    this.firstTickMs = firstTickMs;
    this.intervalMs = intervalMs;
  }

  static IngestProbe register(String id, long firstTickMs, long intervalMs) {
    IngestProbe p = new IngestProbe(id, firstTickMs, intervalMs);
    REGISTRY.put(id, p);
    return p;
  }

  static IngestProbe get(String id) {
    return REGISTRY.get(id);
  }

  void unregister() {
    REGISTRY.remove(id);
  }

  /**
   * Records a patch the twin sink is about to send. Only the sync job's merges carry sensor
   * readings: a merge at {@code /} guarded by the features' {@code observedAt}. The KPI and
   * incident branches' patches (a {@code kpi} feature, a new incident twin) are queued with no
   * readings, so that the commits that follow still pair with the right patch.
   */
  void patchSent(TwinPatch p) {
    PatchSpan span = isSensorMerge(p) ? sensorSpan(p) : NO_READINGS;
    synchronized (sent) {
      sent.computeIfAbsent(p.thingId(), k -> new ArrayDeque<>()).add(span);
    }
  }

  /** A sensor merge's ticks since the thing's previous one, and its properties per tick. */
  private PatchSpan sensorSpan(TwinPatch p) {
    long from = newestSent.getOrDefault(p.thingId(), firstTickMs - intervalMs);
    newestSent.put(p.thingId(), Math.max(from, p.eventTimeMs()));
    // readings per tick: the merge's properties, not its objects nor each feature's observedAt
    int properties =
        Math.max(
            1,
            count(p.json(), "\":")
                - count(p.json(), "\":{")
                - count(p.json(), "\"" + ObservedAt.PROPERTY + "\":"));
    return new PatchSpan(from, p.eventTimeMs(), properties);
  }

  /** True for the sync job's coalesced merge of a sensor thing's readings. */
  static boolean isSensorMerge(TwinPatch p) {
    return !p.replace()
        && "/".equals(p.path())
        && p.condition() != null
        && p.condition().contains(ObservedAt.PROPERTY);
  }

  /** The oldest patch sent for {@code thingId} and not yet seen committed, or null. */
  PatchSpan committed(String thingId) {
    synchronized (sent) {
      ArrayDeque<PatchSpan> q = sent.get(thingId);
      return q == null ? null : q.poll();
    }
  }

  private static int count(String s, String of) {
    int n = 0;
    for (int i = s.indexOf(of); i >= 0; i = s.indexOf(of, i + 1)) {
      n++;
    }
    return n;
  }

  /** The source, with the emission time of its first message kept as the schedule's anchor. */
  static RawSource anchored(RawSource source, String id) {
    return env -> source.open(env).map(new Anchor(id)).name("bench-anchor").setParallelism(1);
  }

  private record Anchor(String id) implements MapFunction<RawReading, RawReading> {
    @Override
    public RawReading map(RawReading r) {
      AtomicLong anchor = get(id).anchorMs;
      if (anchor.get() == Long.MIN_VALUE) {
        anchor.compareAndSet(Long.MIN_VALUE, r.receivedMs());
      }
      return r;
    }
  }

  /** Counts the readings that reach it. */
  record CountingSink(String id) implements Sink<Reading> {
    @Override
    public SinkWriter<Reading> createWriter(WriterInitContext context) {
      LongAdder n = get(id).readings;
      return new SinkWriter<>() {
        @Override
        public void write(Reading r, Context ctx) {
          n.increment();
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  /** A twin sink that records each patch's span before handing it to the real sink. */
  record RecordingSink(Sink<TwinPatch> delegate, String id) implements Sink<TwinPatch> {
    @Override
    public SinkWriter<TwinPatch> createWriter(WriterInitContext context) throws IOException {
      SinkWriter<TwinPatch> writer = delegate.createWriter(context);
      IngestProbe probe = get(id);
      return new SinkWriter<>() {
        @Override
        public void write(TwinPatch p, Context ctx) throws IOException, InterruptedException {
          probe.patchSent(p);
          writer.write(p, ctx);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
          writer.flush(endOfInput);
        }

        @Override
        public void close() throws Exception {
          writer.close();
        }
      };
    }
  }
}
