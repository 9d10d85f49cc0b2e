package io.greentwin.jobs.incident;

/**
 * A condition with the event time it became known at: the time of the reading (or timer) that
 * settled it, which is later than {@link Condition#timeMs()} when debouncing looked back.
 *
 * @param knownAtMs event time it became known, epoch ms
 * @param condition the condition
 */
public record KnownCondition(long knownAtMs, Condition condition) {}
