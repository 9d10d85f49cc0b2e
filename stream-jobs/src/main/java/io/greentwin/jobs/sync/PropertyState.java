package io.greentwin.jobs.sync;

/**
 * The newest reading of one property of a twin, and whether it has been sent.
 *
 * @param value the newest value, in the property's unit
 * @param eventTimeMs its event time (epoch milliseconds)
 * @param seq its sequence number, which orders readings of the same event time
 * @param pending true until a merge carries it to the twin
 */
public record PropertyState(double value, long eventTimeMs, long seq, boolean pending) {
  /** True when a reading at {@code eventTimeMs} and {@code seq} is newer than this one. */
  boolean olderThan(long otherEventTimeMs, long otherSeq) {
    return otherEventTimeMs > eventTimeMs || otherEventTimeMs == eventTimeMs && otherSeq > seq;
  }

  /** The same value, sent. */
  PropertyState sent() {
    return new PropertyState(value, eventTimeMs, seq, false);
  }
}
