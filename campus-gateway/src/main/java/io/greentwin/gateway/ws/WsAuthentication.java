package io.greentwin.gateway.ws;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decides who opens a WebSocket, before the upgrade. For now every caller is accepted ({@code
 * Authorization: Basic …}, {@code Bearer …} or none) and only named: a Basic user becomes Ditto's
 * {@code nginx:<user>} subject, anything else an unverified one. This is the one place where a 401
 * or 403 on upgrade will be decided once authentication arrives: fail the future with Ditto's
 * exception (e.g. {@code GatewayAuthenticationFailedException}) and the route renders it.
 */
public final class WsAuthentication {
  static final String ANONYMOUS = "anonymous";
  static final String UNVERIFIED_BEARER = "bearer:unverified";

  /** The authenticated subject, or a failed future with Ditto's 401/403 exception. */
  public Future<String> authenticate(HttpServerRequest request) {
    return Future.succeededFuture(subject(request.getHeader(HttpHeaders.AUTHORIZATION)));
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
