package io.greentwin.auth;

import io.greentwin.cache.BoundedMemo;
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

  private final BoundedMemo<Question, Boolean> decisions = new BoundedMemo<>(MAX_DECISIONS);

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
    return decisions.get(
        q,
        k ->
            k.unrestricted()
                ? k.enforcer().hasUnrestrictedPermissions(k.resource(), k.auth(), k.permissions())
                : k.enforcer().hasPartialPermissions(k.resource(), k.auth(), k.permissions()));
  }
}
