package io.greentwin.gateway.ws;

import io.greentwin.auth.AuthHandler;
import io.greentwin.auth.AuthSubject;
import io.greentwin.auth.Authenticator;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;

/**
 * Decides who opens a WebSocket, before the upgrade. With an {@link Authenticator} the upgrade must
 * carry valid credentials ({@code Authorization: Basic …} or {@code Bearer …}, checked as every
 * HTTP request is; the subject {@code AuthApi} already found is reused), else it fails with Ditto's
 * {@code gateway:authentication.failed} (401). Without one (embedded use, tests) every caller is
 * accepted and only named: a Basic user becomes Ditto's {@code nginx:<user>} subject, anything else
 * an unverified one, and no policy applies.
 */
public final class WsAuthentication {
  static final String ANONYMOUS = "anonymous";
  static final String UNVERIFIED_BEARER = "bearer:unverified";

  /**
   * Who a socket belongs to.
   *
   * @param subject the originator of its writes
   * @param auth Ditto's authorization context, or null when no authentication is configured
   */
  record Caller(String subject, AuthorizationContext auth) {}

  private final Authenticator authenticator;

  /** Accepts every caller (no authentication configured). */
  public WsAuthentication() {
    this(null);
  }

  /** Lets only callers with valid credentials open a socket. */
  public WsAuthentication(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** The caller, or a failed future with Ditto's 401 exception. */
  Future<Caller> authenticate(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (authenticator == null) {
      return Future.succeededFuture(
          new Caller(subject(request.getHeader(HttpHeaders.AUTHORIZATION)), null));
    }
    AuthSubject known = ctx.get(AuthHandler.USER);
    if (known != null) {
      return Future.succeededFuture(caller(known));
    }
    // bcrypt runs on a worker: hold the upgrade request unread until it is decided
    request.pause();
    return authenticator
        .authenticate(request.headers())
        .map(WsAuthentication::caller)
        .onComplete(
            done -> {
              request.resume();
              if (done.failed()) {
                ctx.response().putHeader("WWW-Authenticate", AuthHandler.CHALLENGE);
              }
            });
  }

  private static Caller caller(AuthSubject s) {
    return new Caller(s.subjectId(), s.authorizationContext());
  }

  static String subject(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return ANONYMOUS;
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length == 2 && parts[0].equalsIgnoreCase("Basic")) {
      try {
        String userPass = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        int colon = userPass.indexOf(':');
        return "nginx:" + (colon < 0 ? userPass : userPass.substring(0, colon));
      } catch (IllegalArgumentException notBase64) {
        return ANONYMOUS;
      }
    }
    return parts[0].equalsIgnoreCase("Bearer") ? UNVERIFIED_BEARER : ANONYMOUS;
  }
}
