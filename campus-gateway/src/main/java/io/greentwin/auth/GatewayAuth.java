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
   * Wires the parts for the given credentials, with an in-memory store holding the campus policy of
   * each namespace (for tests and tools); the JWT secret comes from the config or the environment
   * ({@code env}, e.g. {@code System::getenv}).
   */
  public static GatewayAuth create(
      Vertx vertx,
      Credentials credentials,
      TwinService twins,
      Collection<String> namespaces,
      Clock clock,
      UnaryOperator<String> env) {
    return create(
        vertx, credentials, twins, PolicyStore.withCampusPolicies(clock, namespaces), clock, env);
  }

  /**
   * Wires the parts for the given credentials and policies (e.g. {@link PolicyStore#durable}, in
   * the twins' database); the JWT secret comes from the config or the environment.
   */
  public static GatewayAuth create(
      Vertx vertx,
      Credentials credentials,
      TwinService twins,
      PolicyStore policies,
      Clock clock,
      UnaryOperator<String> env) {
    JwtTokens tokens = JwtTokens.create(credentials.jwt(), env, clock);
    return new GatewayAuth(
        new Authenticator(vertx, credentials, tokens), policies, new ThingAccess(twins, policies));
  }
}
