package io.greentwin.jobs.source;

/**
 * Every message the simulator gave in one tick, as JSON lines (readings and injected malformed
 * messages), with the wall-clock time it was generated. The simulator source emits one per tick, so
 * its checkpointed position is a tick number and a restore re-simulates deterministically.
 */
public record SimulatedTick(long tick, String[] lines, long generatedMs) {}
