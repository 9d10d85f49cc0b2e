package io.greentwin.jobs.sync;

/**
 * What clock paces the coalesced merges of a thing.
 *
 * <ul>
 *   <li>{@link #PROCESSING_TIME} (default): one merge per interval of wall-clock time. A replay at
 *       N× speed still sends one merge per second per thing, not N; and values reach the twin even
 *       while every source is idle and no watermark advances.
 *   <li>{@link #EVENT_TIME}: one merge per interval of event time, sent when the watermark passes
 *       the interval's end. Reproducible (the same input gives the same merges), but a replay at N×
 *       sends N× the merges and an idle campus sends nothing until watermarks move.
 * </ul>
 *
 * Either way, the end of a bounded input flushes every pending value.
 */
public enum FlushTrigger {
  PROCESSING_TIME,
  EVENT_TIME
}
