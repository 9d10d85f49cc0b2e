package io.greentwin.auth;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.ditto.base.model.auth.DittoAuthorizationContextType;
import org.eclipse.ditto.base.model.signals.commands.exceptions.GatewayAuthenticationFailedException;

/**
 * Authenticates a request (HTTP or a WebSocket upgrade) from its {@code Authorization} header:
 * {@code Basic} checked against the bcrypt hashes of {@link Credentials}, or {@code Bearer} with a
 * token from {@link JwtTokens}. Fails with Ditto's {@code gateway:authentication.failed} (401).
 *
 * <p>bcrypt is slow by design, so it runs on a worker thread, never the event loop; credentials
 * that verified once are remembered (as a SHA-256 digest, never the password) so that a client
 * sending Basic on every request pays for bcrypt once.
 */
public final class Authenticator {
  private static final int REMEMBERED_LIMIT = 4096;

  private final Vertx vertx;
  private final Credentials credentials;
  private final JwtTokens tokens;
  private final Passwords passwords = new Passwords(Passwords.DEFAULT_COST);
  private final Map<String, User> remembered = new ConcurrentHashMap<>();
  private final byte[] salt = new byte[16];
  private final String unknownUserHash;

  public Authenticator(Vertx vertx, Credentials credentials, JwtTokens tokens) {
    this.vertx = vertx;
    this.credentials = credentials;
    this.tokens = tokens;
    new SecureRandom().nextBytes(salt);
    // A user that does not exist costs as much as a wrong password: no timing tells them apart.
    this.unknownUserHash =
        credentials.users().values().stream()
            .findFirst()
            .map(u -> new Passwords(cost(u.passwordHash())).hash("unknown-user".toCharArray()))
            .orElse(null);
  }

  /** The subject of a request's {@code Authorization: Basic …} or {@code Bearer …} header. */
  public Future<AuthSubject> authenticate(MultiMap headers) {
    String header = headers.get(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      return Future.failedFuture(
          failed(
              "No authentication was provided.",
              "Send 'Authorization: Basic <base64 of user:password>' or 'Authorization: Bearer"
                  + " <token from POST /api/2/auth/token>'."));
    }
    if (scheme(header, "Bearer")) {
      return bearer(header.substring("Bearer".length()).trim());
    }
    return authenticateBasic(headers);
  }

  /** The subject of {@code Authorization: Basic …} only (what issuing a token requires). */
  public Future<AuthSubject> authenticateBasic(MultiMap headers) {
    String header = headers.get(HttpHeaders.AUTHORIZATION);
    if (header == null || !scheme(header, "Basic")) {
      return Future.failedFuture(
          failed(
              "The request has no Basic credentials.",
              "Send 'Authorization: Basic <base64 of user:password>'."));
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring("Basic".length()).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(
          failed("The Basic credentials are not Base64.", "Encode 'user:password' in Base64."));
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Future.failedFuture(
          failed("The Basic credentials have no password.", "Encode 'user:password' in Base64."));
    }
    return basic(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /** The token issuer, for the token endpoint. */
  public JwtTokens tokens() {
    return tokens;
  }

  private Future<AuthSubject> bearer(String token) {
    try {
      AuthSubject claimed = tokens.verify(token);
      return credentials
          .user(claimed.user())
          .map(u -> Future.succeededFuture(subject(u, DittoAuthorizationContextType.JWT)))
          .orElseGet(
              () ->
                  Future.failedFuture(
                      failed(
                          "The JWT could not be verified.",
                          "The token's user '" + claimed.user() + "' is not known.")));
    } catch (GatewayAuthenticationFailedException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<AuthSubject> basic(String name, String password) {
    String digest = digest(name, password);
    User known = remembered.get(digest);
    if (known != null) {
      return Future.succeededFuture(
          subject(known, DittoAuthorizationContextType.PRE_AUTHENTICATED_HTTP));
    }
    User user = credentials.user(name).orElse(null);
    return vertx
        .executeBlocking(() -> verify(user, password), false)
        .compose(
            ok -> {
              if (!ok) {
                return Future.failedFuture(
                    failed(
                        "The username or password is wrong.",
                        "Check if your credentials were correct."));
              }
              if (remembered.size() >= REMEMBERED_LIMIT) {
                remembered.clear();
              }
              remembered.put(digest, user);
              return Future.succeededFuture(
                  subject(user, DittoAuthorizationContextType.PRE_AUTHENTICATED_HTTP));
            });
  }

  private boolean verify(User user, String password) {
    if (user == null) {
      if (unknownUserHash != null) {
        passwords.verify(password.toCharArray(), unknownUserHash);
      }
      return false;
    }
    return passwords.verify(password.toCharArray(), user.passwordHash());
  }

  private static AuthSubject subject(User user, DittoAuthorizationContextType type) {
    return new AuthSubject(user.name(), user.role(), type);
  }

  private static boolean scheme(String header, String scheme) {
    return header.regionMatches(true, 0, scheme, 0, scheme.length())
        && (header.length() == scheme.length() || header.charAt(scheme.length()) == ' ');
  }

  private static int cost(String bcryptHash) {
    try {
      return Integer.parseInt(bcryptHash.substring(4, 6));
    } catch (RuntimeException e) {
      return Passwords.DEFAULT_COST;
    }
  }

  private String digest(String name, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  static GatewayAuthenticationFailedException failed(String message, String description) {
    return GatewayAuthenticationFailedException.newBuilder(message)
        .description(description)
        .build();
  }
}
