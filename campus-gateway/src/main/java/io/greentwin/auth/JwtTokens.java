package io.greentwin.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.eclipse.ditto.base.model.auth.DittoAuthorizationContextType;
import org.eclipse.ditto.base.model.signals.commands.exceptions.GatewayAuthenticationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and verifies the gateway's JSON Web Tokens: HS256 (HMAC with SHA-256), claims {@code iss},
 * {@code sub} (the user), {@code role}, {@code iat}, {@code exp}, {@code jti}. A token is accepted
 * only with the right algorithm, a valid signature, this issuer and an expiry after now on the
 * injected clock.
 */
public final class JwtTokens {
  private static final Logger LOG = LoggerFactory.getLogger(JwtTokens.class);
  static final String ROLE_CLAIM = "role";

  private final String issuer;
  private final Duration ttl;
  private final Clock clock;
  private final MACSigner signer;
  private final MACVerifier verifier;

  /** Tokens signed with {@code secret} (at least 32 bytes). */
  public JwtTokens(String issuer, byte[] secret, Duration ttl, Clock clock) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (secret.length < JwtConfig.MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "an HS256 secret needs at least " + JwtConfig.MIN_SECRET_BYTES + " bytes");
    }
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable HS256 secret: " + e.getMessage(), e);
    }
  }

  /**
   * Tokens as configured: the secret from {@code jwt.secret}, else from the environment variable
   * {@code jwt.secretEnv}; when that is unset, a random secret for this process (tokens then stop
   * working when the gateway restarts).
   */
  public static JwtTokens create(JwtConfig jwt, UnaryOperator<String> env, Clock clock) {
    return new JwtTokens(jwt.issuer(), secret(jwt, env), jwt.ttl(), clock);
  }

  private static byte[] secret(JwtConfig jwt, UnaryOperator<String> env) {
    if (jwt.secret() != null) {
      return jwt.secret().getBytes(StandardCharsets.UTF_8);
    }
    String value = jwt.secretEnv() == null ? null : env.apply(jwt.secretEnv());
    if (value == null || value.isEmpty()) {
      LOG.warn(
          "{} is not set: tokens are signed with a random secret and stop working on restart",
          jwt.secretEnv());
      byte[] random = new byte[JwtConfig.MIN_SECRET_BYTES];
      new SecureRandom().nextBytes(random);
      return random;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < JwtConfig.MIN_SECRET_BYTES) {
      throw new GreenTwinException(
          ErrorCode.CONFIG_INVALID,
          "jwt.secretEnv: the environment variable "
              + jwt.secretEnv()
              + " holds "
              + bytes.length
              + " bytes; allowed: at least "
              + JwtConfig.MIN_SECRET_BYTES
              + " bytes (HS256, RFC 7518 section 3.2)",
          "JWT secret too short",
          null);
    }
    return bytes;
  }

  /** A new token for the subject, valid for the configured lifetime from now. */
  public IssuedToken issue(AuthSubject subject) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject.user())
            .claim(ROLE_CLAIM, subject.role().configName())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return new IssuedToken(jwt.serialize(), ttl.toSeconds());
  }

  /**
   * The subject a token was issued to (with the role it names), or Ditto's {@code
   * gateway:authentication.failed} saying why the token is not accepted.
   */
  public AuthSubject verify(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw rejected("The token is not a well-formed JWT.");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw rejected("The token is not signed with HS256.");
    }
    try {
      if (!jwt.verify(verifier)) {
        throw rejected("The token's signature is invalid.");
      }
    } catch (JOSEException e) {
      throw rejected("The token's signature cannot be verified.");
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw rejected("The token was not issued by '" + issuer + "'.");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null || !clock.instant().isBefore(exp.toInstant())) {
      throw rejected("The token has expired; request a new one at POST /api/2/auth/token.");
    }
    Object role = claims.getClaim(ROLE_CLAIM);
    if (claims.getSubject() == null || !(role instanceof String r)) {
      throw rejected("The token names no user or role.");
    }
    return new AuthSubject(
        claims.getSubject(),
        Role.ofConfigName(r).orElseThrow(() -> rejected("The token names an unknown role.")),
        DittoAuthorizationContextType.JWT);
  }

  private static GatewayAuthenticationFailedException rejected(String description) {
    return GatewayAuthenticationFailedException.newBuilder("The JWT could not be verified.")
        .description(description)
        .build();
  }
}
