package io.greentwin.auth;

import io.greentwin.twin.TwinService;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * Everything the gateway needs for authentication and authorization, wired once: the {@link
 * Authenticator} (for {@code AuthApi} and WebSocket upgrades), the {@link PolicyStore} (for the
 * policy API) and {@link ThingAccess} (for the things, search, stream and WebSocket handlers).
 */
public record GatewayAuth(Authenticator authenticator, PolicyStore policies, ThingAccess access) {

  /**
   * Wires the parts for the given credentials, with the campus policy of each namespace; the JWT
   * secret comes from the config or the environment ({@code env}, e.g. {@code System::getenv}).
   */
  public static GatewayAuth create(
      Vertx vertx,
      Credentials credentials,
      TwinService twins,
      Collection<String> namespaces,
      Clock clock,
      UnaryOperator<String> env) {
    JwtTokens tokens = JwtTokens.create(credentials.jwt(), env, clock);
    PolicyStore policies = PolicyStore.withCampusPolicies(clock, namespaces);
    return new GatewayAuth(
        new Authenticator(vertx, credentials, tokens), policies, new ThingAccess(twins, policies));
  }
}
