package io.greentwin.jobs.source;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Replays recorded lines at {@code speed} simulated seconds per wall-clock second ({@link Pacing}):
 * the first line's event time is anchored to the wall clock and each later line is held until its
 * event time, scaled by the speed, is due. A line without a readable event time (malformed) passes
 * at once, and lines earlier than one already passed (out of order in the file) are not held. Speed
 * 0 does not pace. Holding blocks the task, so a checkpoint barrier may wait up to one gap between
 * lines / speed.
 */
final class EventTimePacer extends RichMapFunction<String, RawReading> {
  private static final long serialVersionUID = 1L;
  private static final String FIELD = "\"eventTime\":\"";

  private final double speed;
  private final String origin;
  private final Clock clock;
  private transient LongCounter replayed;
  private transient Pacing pacing;

  EventTimePacer(double speed, String origin, Clock clock) {
    this.speed = speed;
    this.origin = origin;
    this.clock = clock;
  }

  @Override
  public void open(OpenContext context) {
    pacing = speed > 0 ? new Pacing(speed, clock::millis, Thread::sleep) : null;
    replayed = new LongCounter();
    getRuntimeContext().addAccumulator(ReplaySource.LINES_ACCUMULATOR, replayed);
  }

  @Override
  public RawReading map(String line) throws InterruptedException {
    if (pacing != null) {
      long eventMs = eventTimeMs(line);
      if (eventMs != Long.MIN_VALUE) {
        pacing.hold(eventMs);
      }
    }
    replayed.add(1);
    return new RawReading(line, origin, clock.millis());
  }

  /** The line's {@code eventTime} in epoch ms, or {@link Long#MIN_VALUE} when it has none. */
  static long eventTimeMs(String line) {
    int at = line.indexOf(FIELD);
    if (at < 0) {
      return Long.MIN_VALUE;
    }
    int from = at + FIELD.length();
    int to = line.indexOf('"', from);
    if (to < 0) {
      return Long.MIN_VALUE;
    }
    try {
      return Instant.parse(line.substring(from, to)).toEpochMilli();
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }
}
