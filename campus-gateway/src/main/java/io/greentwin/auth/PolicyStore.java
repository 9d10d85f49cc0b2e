package io.greentwin.auth;

import io.greentwin.things.CampusThings;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.enforcers.Enforcer;
import org.eclipse.ditto.policies.model.enforcers.PolicyEnforcers;

/**
 * The policies, in memory, keyed by {@link PolicyId}, each kept with Ditto's enforcer for it (built
 * once per change: enforcing is then a tree walk, not a policy parse). Every change stamps the
 * policy's revision and {@code _created}/{@code _modified} from the injected clock.
 */
public final class PolicyStore {
  private record Stored(Policy policy, Enforcer enforcer) {}

  private final ConcurrentMap<PolicyId, Stored> policies = new ConcurrentHashMap<>();
  private final Clock clock;

  public PolicyStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A store holding the {@link CampusPolicy} of each namespace ({@code <ns>:campus-policy}). */
  public static PolicyStore withCampusPolicies(Clock clock, Collection<String> namespaces) {
    PolicyStore store = new PolicyStore(clock);
    namespaces.forEach(ns -> store.put(CampusPolicy.of(CampusThings.policyId(ns))));
    return store;
  }

  public Optional<Policy> get(PolicyId id) {
    return Optional.ofNullable(policies.get(id)).map(Stored::policy);
  }

  /** Ditto's enforcer of a policy, if the policy exists. */
  public Optional<Enforcer> enforcer(PolicyId id) {
    return Optional.ofNullable(policies.get(id)).map(Stored::enforcer);
  }

  /** Creates or replaces a policy (its id is the key); true when it was created. */
  public boolean put(Policy policy) {
    PolicyId id = policy.getEntityId().orElseThrow(() -> new IllegalArgumentException("no id"));
    boolean[] created = {false};
    update(
        id,
        (old, enforcer) -> {
          created[0] = old == null;
          return policy;
        });
    return created[0];
  }

  /** Deletes a policy; true when there was one. */
  public boolean delete(PolicyId id) {
    return policies.remove(id) != null;
  }

  /**
   * Changes one policy atomically: {@code change} gets the current policy and its enforcer (both
   * {@code null} when there is none) and returns the new policy ({@code null} deletes it). An
   * exception from {@code change} changes nothing and propagates. Returns the stored policy, or
   * {@code null} when deleted.
   */
  public Policy update(PolicyId id, BiFunction<Policy, Enforcer, Policy> change) {
    Stored stored =
        policies.compute(
            id,
            (key, old) -> {
              Policy next =
                  old == null
                      ? change.apply(null, null)
                      : change.apply(old.policy(), old.enforcer());
              if (next == null) {
                return null;
              }
              Policy stamped = stamp(id, old == null ? null : old.policy(), next);
              return new Stored(stamped, PolicyEnforcers.defaultEvaluator(stamped));
            });
    return stored == null ? null : stored.policy();
  }

  private Policy stamp(PolicyId id, Policy old, Policy next) {
    Instant now = clock.instant();
    long revision = old == null ? 1 : old.getRevision().map(r -> r.toLong() + 1).orElse(1L);
    Instant created = old == null ? now : old.getCreated().orElse(now);
    return next.toBuilder()
        .setId(id)
        .setRevision(revision)
        .setCreated(created)
        .setModified(now)
        .build();
  }
}
