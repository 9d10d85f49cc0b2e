package io.greentwin.sim;

/** Passes readings on while holding them to a {@link Pacer}'s rate cap, checked in batches. */
public final class PacedSink implements ReadingSink {
  private static final int BATCH = 1024;
  private final ReadingSink next;
  private final Pacer pacer;
  private int pending;

  public PacedSink(ReadingSink next, Pacer pacer) {
    this.next = next;
    this.pacer = pacer;
  }

  @Override
  public void accept(SensorPoint point, double value, long eventTimeMs, long seq) {
    next.accept(point, value, eventTimeMs, seq);
    if (++pending == BATCH) {
      settle();
    }
  }

  @Override
  public void acceptMalformed(String raw) {
    next.acceptMalformed(raw);
  }

  @Override
  public void endTick(long tick) {
    settle();
    next.endTick(tick);
  }

  @Override
  public void close() {
    next.close();
  }

  private void settle() {
    try {
      pacer.readingsGiven(pending);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pacing readings", e);
    }
    pending = 0;
  }
}
