package io.greentwin.sim;

/**
 * Where the simulator puts readings. Primitive arguments keep the hot path free of allocation;
 * {@link Reading} is the record form for consumers that want one.
 */
public interface ReadingSink {
  /** One reading of a sensor at an event time (epoch milliseconds) with its sequence number. */
  void accept(SensorPoint point, double value, long eventTimeMs, long seq);

  /** A raw message that is not a valid reading (fault injection of malformed messages). */
  void acceptMalformed(String raw);

  /** Called after every reading of a tick has been given. */
  default void endTick(long tick) {}

  /** Called once when the simulation ends; flush what is buffered. */
  default void close() {}
}
