package io.greentwin.jobs.deadletter;

import java.util.Objects;

/**
 * A message that could not become a twin change, kept with why: a reading that is malformed, names
 * an unknown thing or point, declares the wrong unit or an impossible value, or a twin patch the
 * twin service rejected. Never dropped: every one lands in the dead-letter store.
 *
 * @param raw the message as received (a patch's Ditto command for rejected patches), at most {@link
 *     #MAX_RAW_CHARS} characters
 * @param reason why, starting with a stable code: {@code malformed}, {@code unknown-thing}, {@code
 *     unknown-point}, {@code unit-mismatch}, {@code impossible-value}, {@code twin-rejected}
 * @param origin where the message came from ({@code simulator}, {@code file:…}, {@code mqtt:…},
 *     {@code twin-sink})
 * @param receivedMs when it was received (epoch milliseconds, wall clock)
 */
public record DeadLetter(String raw, String reason, String origin, long receivedMs) {
  /** Longer raw messages are cut (and say so): the store keeps a bounded row per message. */
  public static final int MAX_RAW_CHARS = 100_000;

  private static final String CUT = "…[cut]";

  public DeadLetter {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
    if (raw.length() > MAX_RAW_CHARS) {
      raw = raw.substring(0, MAX_RAW_CHARS - CUT.length()) + CUT;
    }
  }

  /** The stable code the reason starts with, e.g. {@code unit-mismatch}. */
  public String code() {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
