package io.greentwin.jobs.sync;

/**
 * Which recent sequence numbers of one sensor have been seen: the newest, and a bit per each of the
 * {@value #SIZE} before it (bit {@code i}: {@code newest - i} seen) — the sliding anti-replay
 * window of IPsec (RFC 4303, section 3.4.3). Tells a duplicate from a late but new reading in 16
 * bytes.
 *
 * @param newestSeq the highest sequence number seen
 * @param seenBits bit {@code i} set when {@code newestSeq - i} was seen
 */
public record SeqWindow(long newestSeq, long seenBits) {
  /** How far behind the newest a sequence number can be and still be told apart. */
  public static final int SIZE = 64;

  /** What seeing a sequence number means. */
  enum Verdict {
    NEW,
    DUPLICATE,
    TOO_OLD
  }

  /** The window after the first reading of a sensor. */
  static SeqWindow first(long seq) {
    return new SeqWindow(seq, 1L);
  }

  /** Whether {@code seq} is new, a duplicate, or too far behind the window to tell. */
  Verdict judge(long seq) {
    if (seq > newestSeq) {
      return Verdict.NEW;
    }
    long age = newestSeq - seq;
    if (age >= SIZE) {
      return Verdict.TOO_OLD;
    }
    return (seenBits & (1L << age)) != 0 ? Verdict.DUPLICATE : Verdict.NEW;
  }

  /** The window once {@code seq} (judged {@link Verdict#NEW}) is seen. */
  SeqWindow see(long seq) {
    if (seq > newestSeq) {
      long shift = seq - newestSeq;
      return new SeqWindow(seq, (shift >= SIZE ? 0 : seenBits << shift) | 1L);
    }
    return new SeqWindow(newestSeq, seenBits | (1L << (newestSeq - seq)));
  }
}
