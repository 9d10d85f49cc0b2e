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
 * policy's revision and {@code _created}/{@code _modified} from the injected clock, is committed to
 * the {@link PolicyPersistence} first and only then applied in memory: a failed commit changes
 * nothing. Changes are serialized; reads never wait.
 */
public final class PolicyStore {
  private record Stored(Policy policy, Enforcer enforcer) {}

  private final ConcurrentMap<PolicyId, Stored> policies = new ConcurrentHashMap<>();
  private final Clock clock;
  private final PolicyPersistence persistence;

  /** An in-memory store: its policies are lost with it. */
  public PolicyStore(Clock clock) {
    this(clock, PolicyPersistence.IN_MEMORY);
  }

  private PolicyStore(Clock clock, PolicyPersistence persistence) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.persistence = Objects.requireNonNull(persistence, "persistence");
  }

  /** An in-memory store holding the {@link CampusPolicy} of each namespace. */
  public static PolicyStore withCampusPolicies(Clock clock, Collection<String> namespaces) {
    PolicyStore store = new PolicyStore(clock);
    namespaces.forEach(ns -> store.put(CampusPolicy.of(CampusThings.policyId(ns))));
    return store;
  }

  /**
   * A durable store: the policies stored in the journal, and the {@link CampusPolicy} of each
   * namespace whose policy was never stored (written once; a stored or deleted policy is kept).
   * Blocking: call it at start-up, off the event loop.
   */
  public static PolicyStore durable(
      Clock clock, PolicyJournal journal, Collection<String> namespaces) {
    PolicyStore store = new PolicyStore(clock, journal);
    PolicyJournal.Loaded loaded = journal.load();
    loaded
        .live()
        .forEach(
            (id, p) -> store.policies.put(id, new Stored(p, PolicyEnforcers.defaultEvaluator(p))));
    for (String ns : namespaces) {
      PolicyId id = CampusThings.policyId(ns);
      if (!loaded.known().contains(id)) {
        store.put(CampusPolicy.of(id));
      }
    }
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
    boolean[] existed = {false};
    update(
        id,
        (old, enforcer) -> {
          existed[0] = old != null;
          return null;
        });
    return existed[0];
  }

  /**
   * Changes one policy atomically: {@code change} gets the current policy and its enforcer (both
   * {@code null} when there is none) and returns the new policy ({@code null} deletes it). An
   * exception from {@code change} or from the commit changes nothing and propagates. With a {@link
   * PolicyJournal} this blocks until the change is committed. Returns the stored policy, or {@code
   * null} when deleted.
   */
  public synchronized Policy update(PolicyId id, BiFunction<Policy, Enforcer, Policy> change) {
    Stored old = policies.get(id);
    Policy next =
        old == null ? change.apply(null, null) : change.apply(old.policy(), old.enforcer());
    if (next == null) {
      if (old != null) {
        persistence.delete(id, clock.instant());
        policies.remove(id);
      }
      return null;
    }
    Policy stamped = stamp(id, old == null ? null : old.policy(), next);
    Stored stored = new Stored(stamped, PolicyEnforcers.defaultEvaluator(stamped));
    persistence.save(stamped);
    policies.put(id, stored);
    return stamped;
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
