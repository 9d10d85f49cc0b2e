package io.greentwin.auth;

import java.time.Instant;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;

/**
 * Where the {@link PolicyStore} commits its changes before it applies them: {@link #IN_MEMORY}
 * (nothing to commit, for tests) or a {@link PolicyJournal}. A method returns only once the change
 * is committed and throws when it is not.
 */
interface PolicyPersistence {
  /** Keeps nothing: policies live as long as the store. */
  PolicyPersistence IN_MEMORY =
      new PolicyPersistence() {
        @Override
        public void save(Policy policy) {}

        @Override
        public void delete(PolicyId id, Instant when) {}
      };

  /** Creates or replaces a policy (stamped with its id, revision and times). */
  void save(Policy policy);

  /** Deletes a policy. */
  void delete(PolicyId id, Instant when);
}
