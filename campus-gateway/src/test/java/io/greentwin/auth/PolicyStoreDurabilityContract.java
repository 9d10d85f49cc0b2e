package io.greentwin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.error.GreenTwinException;
import io.greentwin.things.CampusThings;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.base.model.auth.AuthorizationSubject;
import org.eclipse.ditto.base.model.auth.DittoAuthorizationContextType;
import org.eclipse.ditto.policies.model.Label;
import org.eclipse.ditto.policies.model.PoliciesResourceType;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.enforcers.Enforcer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A durable {@link PolicyStore} keeps its acknowledged changes across a restart: the same contract
 * on H2 and on PostgreSQL. A subclass opens the database (with the Flyway schema) and closes it.
 */
public abstract class PolicyStoreDurabilityContract {
  protected static final String NS = "org.test";
  protected static final PolicyId CAMPUS = CampusThings.policyId(NS);
  private static final PolicyId OTHER = PolicyId.of(NS + ":other");
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  protected final MutableClock clock = new MutableClock(T0);

  /** Opens the database (the same one after {@link #closeDatabase()}). */
  protected abstract DataSource openDatabase() throws Exception;

  protected abstract void closeDatabase() throws Exception;

  @AfterEach
  void close() throws Exception {
    closeDatabase();
  }

  private PolicyStore open() throws Exception {
    return PolicyStore.durable(clock, new PolicyJournal(openDatabase()), List.of(NS));
  }

  private PolicyStore restart() throws Exception {
    closeDatabase();
    return open();
  }

  @Test
  void putPolicySurvivesRestartWithItsRevisionAndEnforcement() throws Exception {
    PolicyStore store = open();
    store.put(readersOf(OTHER, "guest"));
    clock.advance(java.time.Duration.ofSeconds(5));
    store.put(readersOf(OTHER, "visitor"));
    Policy before = store.get(OTHER).orElseThrow();

    PolicyStore reopened = restart();

    Policy after = reopened.get(OTHER).orElseThrow();
    assertThat(after).isEqualTo(before);
    assertThat(after.getRevision().orElseThrow().toLong()).isEqualTo(2);
    assertThat(after.getCreated()).contains(T0);
    assertThat(after.getModified()).contains(T0.plusSeconds(5));
    Enforcer enforcer = reopened.enforcer(OTHER).orElseThrow();
    assertThat(canReadAttributes(enforcer, "visitor")).isTrue();
    assertThat(canReadAttributes(enforcer, "guest")).isFalse();
  }

  @Test
  void storedCampusPolicyIsNotOverwrittenByTheDefaultAtStart() throws Exception {
    PolicyStore store = open();
    assertThat(store.get(CAMPUS)).isPresent();
    Policy changed =
        store.update(CAMPUS, (p, e) -> p.removeEntry(Label.of(Role.PLANNER.configName())));

    PolicyStore reopened = restart();

    assertThat(reopened.get(CAMPUS)).contains(changed);
    assertThat(reopened.get(CAMPUS).orElseThrow().getEntryFor(Role.PLANNER.configName())).isEmpty();
    assertThat(changed.getRevision().orElseThrow().toLong()).isEqualTo(2);
  }

  @Test
  void deletedPoliciesStayDeletedAndTheDefaultIsNotSeededAgain() throws Exception {
    PolicyStore store = open();
    store.put(readersOf(OTHER, "guest"));
    assertThat(store.delete(OTHER)).isTrue();
    assertThat(store.delete(CAMPUS)).isTrue();

    PolicyStore reopened = restart();

    assertThat(reopened.get(OTHER)).isEmpty();
    assertThat(reopened.get(CAMPUS)).isEmpty();
    reopened.put(readersOf(OTHER, "again"));
    assertThat(restart().get(OTHER).orElseThrow().getRevision().orElseThrow().toLong())
        .isEqualTo(1);
  }

  @Test
  void failedCommitChangesNothingInMemory() throws Exception {
    PolicyStore store = open();
    store.put(readersOf(OTHER, "guest"));
    Policy before = store.get(OTHER).orElseThrow();
    closeDatabase();

    assertThatThrownBy(() -> store.put(readersOf(OTHER, "visitor")))
        .isInstanceOf(GreenTwinException.class);
    assertThatThrownBy(() -> store.delete(OTHER)).isInstanceOf(GreenTwinException.class);

    assertThat(store.get(OTHER)).contains(before);
    assertThat(canReadAttributes(store.enforcer(OTHER).orElseThrow(), "guest")).isTrue();
  }

  private static Policy readersOf(PolicyId id, String subject) {
    return Policy.newBuilder(id)
        .forLabel("owner")
        .setSubject("role:admin", org.eclipse.ditto.policies.model.SubjectType.GENERATED)
        .setGrantedPermissions(PoliciesResourceType.policyResource("/"), "READ", "WRITE")
        .forLabel("reader")
        .setSubject("test:" + subject, org.eclipse.ditto.policies.model.SubjectType.GENERATED)
        .setGrantedPermissions(PoliciesResourceType.thingResource("/attributes"), "READ")
        .build();
  }

  private static boolean canReadAttributes(Enforcer enforcer, String subject) {
    AuthorizationContext auth =
        AuthorizationContext.newInstance(
            DittoAuthorizationContextType.UNSPECIFIED,
            AuthorizationSubject.newInstance("test:" + subject));
    return enforcer.hasUnrestrictedPermissions(
        PoliciesResourceType.thingResource("/attributes"),
        auth,
        org.eclipse.ditto.policies.model.Permissions.newInstance("READ"));
  }
}
