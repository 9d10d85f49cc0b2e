package io.greentwin.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway signs its JSON Web Tokens (HS256): the issuer it writes and checks, where the
 * secret comes from (an environment variable, or the secret itself), and how long a token lives.
 */
public record JwtConfig(String issuer, String secretEnv, String secret, Duration ttl) {
  public static final String DEFAULT_ISSUER = "greentwin";
  public static final String DEFAULT_SECRET_ENV = "GREENTWIN_JWT_SECRET";
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  /** HS256 needs a key of at least 256 bits (RFC 7518, section 3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  /** The defaults: issuer {@code greentwin}, secret from {@code GREENTWIN_JWT_SECRET}, 1 h. */
  public static final JwtConfig DEFAULT =
      new JwtConfig(DEFAULT_ISSUER, DEFAULT_SECRET_ENV, null, DEFAULT_TTL);

  public JwtConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive but was " + ttl);
    }
    if (secretEnv != null && secret != null) {
      throw new IllegalArgumentException("give secretEnv or secret, not both");
    }
  }

  @Override
  public String toString() {
    return "JwtConfig[" + issuer + ", secretEnv=" + secretEnv + ", ttl=" + ttl + "]";
  }
}
