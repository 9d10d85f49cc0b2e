package io.greentwin.jobs.sync;

/**
 * What clock paces the coalesced merges of a thing.
 *
 * <ul>
 *   <li>{@link #PROCESSING_TIME} (default): one merge per interval of wall-clock time. A replay at
 *       N× speed still sends one merge per second per thing, not N; and values reach the twin even
 *       while every source is idle and no watermark advances.
 *   <li>{@link #EVENT_TIME}: at most one merge per interval of event time, sent when the watermark
 *       passes the end of the interval of the first value it carries, with the newest values known
 *       then (a lagging watermark folds several intervals into one merge). Paced by the data, not
 *       the machine; but a replay at N× sends up to N× the merges, and while every source is idle
 *       nothing is sent until watermarks move again (idleness only stops idle partitions holding
 *       back the others).
 * </ul>
 *
 * Either way, the end of a bounded input flushes every pending value.
 */
public enum FlushTrigger {
  PROCESSING_TIME,
  EVENT_TIME
}
