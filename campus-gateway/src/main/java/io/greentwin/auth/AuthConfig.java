package io.greentwin.auth;

import java.util.List;
import java.util.Objects;

/** The gateway's {@code config/gateway.yaml}: the users who may sign in, and the token settings. */
public record AuthConfig(List<User> users, JwtConfig jwt) {
  /** No users (demo users on loopback only) and the default token settings. */
  public static final AuthConfig DEFAULT = new AuthConfig(List.of(), JwtConfig.DEFAULT);

  public AuthConfig {
    users = List.copyOf(users);
    Objects.requireNonNull(jwt, "jwt");
  }
}
