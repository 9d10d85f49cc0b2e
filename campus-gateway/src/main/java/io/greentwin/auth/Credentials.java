package io.greentwin.auth;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The users the gateway accepts, and its token settings. Configured users when {@code
 * config/gateway.yaml} lists any; otherwise the built-in demo users {@code admin/admin}, {@code
 * operator/operator}, {@code planner/planner} and {@code ops/ops}, whose passwords everyone knows,
 * and so only while the gateway binds to loopback: {@link #forBind} refuses any other address.
 */
public final class Credentials {
  /** bcrypt cost of the demo users' hashes: their passwords are public, so speed wins. */
  private static final int DEMO_COST = 4;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final Map<String, User> users;
  private final boolean demo;
  private final JwtConfig jwt;

  private Credentials(List<User> users, boolean demo, JwtConfig jwt) {
    Map<String, User> byName = new LinkedHashMap<>();
    users.forEach(u -> byName.put(u.name(), u));
    this.users = Map.copyOf(byName);
    this.demo = demo;
    this.jwt = jwt;
  }

  /** Configured users, whatever the address: for tests and embedding. */
  public static Credentials of(AuthConfig config) {
    return new Credentials(config.users(), false, config.jwt());
  }

  /** The demo users, one per role, each with its role's name as name and password. */
  public static Credentials demo(JwtConfig jwt) {
    Passwords fast = new Passwords(DEMO_COST);
    List<User> users = new ArrayList<>();
    for (Role role : Role.values()) {
      users.add(new User(role.configName(), role, fast.hash(role.configName().toCharArray())));
    }
    return new Credentials(users, true, jwt);
  }

  /**
   * The credentials for a gateway bound to {@code host}, from a gateway config file ({@code null}:
   * none). Throws {@link ErrorCode#CONFIG_INVALID} (a user error: the CLI exits with 2) when no
   * users are configured and the address is not loopback.
   */
  public static Credentials forBind(String host, Path configFile) {
    AuthConfig config =
        configFile == null ? AuthConfig.DEFAULT : new AuthConfigLoader().load(configFile);
    return forBind(host, config, configFile);
  }

  /** As {@link #forBind(String, Path)}, for a config already loaded from {@code source}. */
  public static Credentials forBind(String host, AuthConfig config, Path source) {
    if (!config.users().isEmpty()) {
      return of(config);
    }
    if (isLoopback(host)) {
      return demo(config.jwt());
    }
    String file = source == null ? "config/gateway.yaml" : source.toString();
    String why = source == null ? "no gateway config was given" : file + " lists no users";
    throw new GreenTwinException(
        ErrorCode.CONFIG_INVALID,
        "refusing to bind the gateway to "
            + host
            + ": "
            + why
            + ", and the built-in demo users (admin/admin, operator/operator, planner/planner,"
            + " ops/ops) are allowed only on loopback (127.0.0.1, ::1, localhost), since anyone"
            + " who can reach "
            + host
            + " could sign in with them. Either bind to loopback (--host 127.0.0.1), or list"
            + " users in "
            + file
            + " (users: [{name, role: admin|operator|planner|ops, passwordHash}], each hash"
            + " printed by 'greentwin hash-password') and pass it with --gateway-config.",
        "no users are configured for a non-loopback address",
        null);
  }

  /**
   * True for {@code localhost} and loopback literals (127.0.0.0/8, {@code ::1}); any other host
   * name counts as not loopback, without asking DNS.
   */
  public static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if ("localhost".equals(h)) {
      return true;
    }
    if (!IPV4.matcher(h).matches() && !h.contains(":")) {
      return false; // a host name: resolving it could say anything
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The user of a login name. */
  public Optional<User> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /** Every user, by name. */
  public Map<String, User> users() {
    return users;
  }

  /** True when these are the built-in demo users. */
  public boolean isDemo() {
    return demo;
  }

  public JwtConfig jwt() {
    return jwt;
  }
}
