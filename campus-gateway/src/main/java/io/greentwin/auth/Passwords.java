package io.greentwin.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes ({@code $2a$}, the form every bcrypt tool reads). Hashing and verifying
 * take tens to hundreds of milliseconds on purpose: never call them on an event loop.
 */
public final class Passwords {
  /** The cost of new hashes: 2^12 rounds, OWASP's minimum recommendation is 10. */
  public static final int DEFAULT_COST = 12;

  /** bcrypt reads at most 72 bytes of a password; a longer one is refused, not cut. */
  public static final int MAX_PASSWORD_BYTES = 72;

  private final int cost;

  public Passwords(int cost) {
    if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
      throw new IllegalArgumentException(
          "bcrypt cost must be " + BCrypt.MIN_COST + ".." + BCrypt.MAX_COST + " but was " + cost);
    }
    this.cost = cost;
  }

  public Passwords() {
    this(DEFAULT_COST);
  }

  /** The bcrypt hash of a password, with a fresh random salt. */
  public String hash(char[] password) {
    if (password.length == 0) {
      throw new IllegalArgumentException("the password is empty");
    }
    if (utf8Length(password) > MAX_PASSWORD_BYTES) {
      throw new IllegalArgumentException(
          "the password is longer than bcrypt's " + MAX_PASSWORD_BYTES + " bytes");
    }
    return BCrypt.withDefaults().hashToString(cost, password);
  }

  /** True when the password matches the hash; false for a wrong password or a malformed hash. */
  public boolean verify(char[] password, String hash) {
    if (password.length == 0 || utf8Length(password) > MAX_PASSWORD_BYTES) {
      return false;
    }
    try {
      return BCrypt.verifyer().verify(password, hash).verified;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int utf8Length(char[] password) {
    return StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
  }
}
