package io.greentwin.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.policies.model.Permissions;
import org.eclipse.ditto.policies.model.ResourceKey;
import org.eclipse.ditto.policies.model.enforcers.Enforcer;

/**
 * Ditto's enforcer decisions remembered per enforcer, resource, subject and permissions: the same
 * subject writes the same paths of twins under the same policy thousands of times a second. An
 * enforcer belongs to one revision of one policy ({@link PolicyStore} builds a new one for every
 * change), so a decision of an enforcer never goes stale; decisions of replaced enforcers are
 * dropped with the rest when the map grows past its bound. Thread-safe.
 */
final class PolicyDecisions {
  private static final int MAX_DECISIONS = 16_384;

  private record Question(
      Enforcer enforcer,
      ResourceKey resource,
      AuthorizationContext auth,
      Permissions permissions,
      boolean unrestricted) {}

  private final Map<Question, Boolean> decisions = new ConcurrentHashMap<>();

  /** {@link Enforcer#hasUnrestrictedPermissions}, remembered. */
  boolean unrestricted(
      Enforcer e, ResourceKey resource, AuthorizationContext auth, Permissions permissions) {
    return decide(new Question(e, resource, auth, permissions, true));
  }

  /** {@link Enforcer#hasPartialPermissions}, remembered. */
  boolean partial(
      Enforcer e, ResourceKey resource, AuthorizationContext auth, Permissions permissions) {
    return decide(new Question(e, resource, auth, permissions, false));
  }

  private boolean decide(Question q) {
    Boolean known = decisions.get(q);
    if (known != null) {
      return known;
    }
    boolean d =
        q.unrestricted()
            ? q.enforcer().hasUnrestrictedPermissions(q.resource(), q.auth(), q.permissions())
            : q.enforcer().hasPartialPermissions(q.resource(), q.auth(), q.permissions());
    if (decisions.size() >= MAX_DECISIONS) {
      decisions.clear();
    }
    decisions.put(q, d);
    return d;
  }
}
