package io.greentwin.cli;

import io.greentwin.twin.TwinEvent;
import java.time.Duration;

/**
 * Sensor-to-twin latency of the paced ingest benchmark: when a twin's merge is committed, every
 * reading it carries (the ticks in the patch's event-time span, times its properties) gets the
 * commit wall time minus the wall time its tick was due by the pacing schedule — tick {@code n} is
 * due at the first tick's emission plus {@code n × interval / speed}, so a source that falls behind
 * the schedule adds to the latency instead of hiding it (no coordinated omission). Only ticks due
 * in the measured window count.
 */
final class IngestLatency {
  private static final int MAX_MS = 600_000;

  /** Percentiles in milliseconds over {@code committed} readings; {@code due}: ticks × sensors. */
  record Result(long p50Ms, long p99Ms, long maxMs, long committed, long due) {}

  private final IngestProbe probe;
  private final long firstTickMs;
  private final long intervalMs;
  private final double speed;
  private final long[] histogram = new long[MAX_MS + 1];
  private long fromMs;
  private long toMs;

  IngestLatency(IngestProbe probe, long firstTickMs, Duration interval, double speed) {
    this.probe = probe;
    this.firstTickMs = firstTickMs;
    this.intervalMs = interval.toMillis();
    this.speed = speed;
  }

  /** Readings due from {@code warmupMs} after the first tick, for {@code lengthMs}, count. */
  void window(long warmupMs, long lengthMs) {
    fromMs = warmupMs;
    toMs = warmupMs + lengthMs;
  }

  void committed(TwinEvent e) {
    long now = System.currentTimeMillis();
    long anchor = probe.anchorMs.get();
    IngestProbe.PatchSpan span = probe.committed(e.thingId().toString());
    if (span == null || span.properties() == 0 || anchor == Long.MIN_VALUE) {
      return;
    }
    synchronized (histogram) {
      for (long t = span.fromExclusiveMs() + intervalMs; t <= span.toMs(); t += intervalMs) {
        double dueOffsetMs = (t - firstTickMs) / speed;
        if (dueOffsetMs >= fromMs && dueOffsetMs < toMs) {
          long latency = Math.max(0, now - (anchor + (long) dueOffsetMs));
          histogram[(int) Math.min(latency, MAX_MS)] += span.properties();
        }
      }
    }
  }

  Result result(int readingsPerTick) {
    synchronized (histogram) {
      long total = 0;
      long max = 0;
      for (int i = 0; i <= MAX_MS; i++) {
        total += histogram[i];
        if (histogram[i] > 0) {
          max = i;
        }
      }
      long ticksDue = (long) Math.ceil((toMs - fromMs) * speed / intervalMs);
      return new Result(
          percentile(total, 0.50), percentile(total, 0.99), max, total, ticksDue * readingsPerTick);
    }
  }

  private long percentile(long total, double q) {
    long rank = (long) Math.ceil(total * q);
    long seen = 0;
    for (int i = 0; i <= MAX_MS; i++) {
      seen += histogram[i];
      if (seen >= rank && seen > 0) {
        return i;
      }
    }
    return -1;
  }
}
