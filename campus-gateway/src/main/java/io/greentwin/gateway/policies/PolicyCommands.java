package io.greentwin.gateway.policies;

import io.greentwin.auth.PolicyStore;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonFieldSelector;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.policies.model.Label;
import org.eclipse.ditto.policies.model.Permissions;
import org.eclipse.ditto.policies.model.PoliciesResourceType;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.ResourceKey;
import org.eclipse.ditto.policies.model.enforcers.Enforcer;
import org.eclipse.ditto.policies.model.enforcers.PolicyEnforcers;
import org.eclipse.ditto.policies.model.signals.commands.PolicyCommand;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.PolicyCommandToAccessExceptionRegistry;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.PolicyCommandToModifyExceptionRegistry;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.PolicyEntryModificationInvalidException;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.PolicyModificationInvalidException;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.PolicyNotAccessibleException;
import org.eclipse.ditto.policies.model.signals.commands.modify.CreatePolicy;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeletePolicy;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyPolicy;
import org.eclipse.ditto.policies.model.signals.commands.modify.PolicyModifyCommand;
import org.eclipse.ditto.policies.model.signals.commands.query.PolicyQueryCommand;

/**
 * Runs Ditto's policy commands against the {@link PolicyStore}, enforced as Ditto's {@code
 * PolicyCommandEnforcement} does: a query needs READ somewhere at or below the command's resource
 * ({@code policy:/entries/…}) and answers only the readable parts; a change needs WRITE on all of
 * it; creating a policy needs the new policy to grant the creator WRITE on {@code policy:/}; and no
 * change may leave a policy without a subject that can still write it. Errors are Ditto's, chosen
 * by Ditto's own command-to-exception registries.
 */
final class PolicyCommands {
  static final String READ = "READ";
  static final String WRITE = "WRITE";
  private static final JsonFieldSelector ALWAYS_SHOWN =
      JsonFactory.newFieldSelector(Policy.JsonFields.ID);

  /** What a command answers: an HTTP status and a body (null for none). */
  record Result(int status, JsonValue body) {}

  private final PolicyStore store;

  PolicyCommands(PolicyStore store) {
    this.store = store;
  }

  /** True when the policy exists (a PUT then modifies it, else creates it). */
  boolean exists(PolicyId id) {
    return store.get(id).isPresent();
  }

  Result execute(PolicyCommand<?> command, AuthorizationContext auth) {
    if (command instanceof PolicyQueryCommand<?> query) {
      return query(query, auth);
    }
    return modify((PolicyModifyCommand<?>) command, auth);
  }

  private Result query(PolicyQueryCommand<?> query, AuthorizationContext auth) {
    PolicyId id = query.getEntityId();
    Enforcer enforcer = store.enforcer(id).orElseThrow(() -> notFound(id));
    Policy policy = store.get(id).orElseThrow(() -> notFound(id));
    ResourceKey key = PoliciesResourceType.policyResource(query.getResourcePath());
    if (!enforcer.hasPartialPermissions(key, auth, Permissions.newInstance(READ))) {
      throw PolicyCommandToAccessExceptionRegistry.getInstance().exceptionFrom(query);
    }
    JsonValue entity = PolicyEntities.retrieve(policy, query);
    if (!entity.isObject()) {
      return new Result(200, entity);
    }
    return new Result(
        200,
        enforcer.buildJsonView(
            key, entity.asObject(), auth, ALWAYS_SHOWN, Permissions.newInstance(READ)));
  }

  private Result modify(PolicyModifyCommand<?> command, AuthorizationContext auth) {
    PolicyId id = command.getEntityId();
    Result[] result = new Result[1];
    store.update(
        id,
        (current, enforcer) -> {
          if (current == null) {
            if (!(command instanceof CreatePolicy create)) {
              throw notFound(id);
            }
            Policy created = create.getPolicy();
            requireWrite(PolicyEnforcers.defaultEvaluator(created), command, auth);
            result[0] = new Result(201, created.toJson());
            return created;
          }
          PolicyModifyCommand<?> effective =
              command instanceof CreatePolicy create
                  ? ModifyPolicy.of(id, create.getPolicy(), command.getDittoHeaders())
                  : command;
          requireWrite(enforcer, effective, auth);
          if (effective instanceof DeletePolicy) {
            result[0] = new Result(204, null);
            return null;
          }
          PolicyEntities.Change change = PolicyEntities.apply(current, effective);
          requireWriter(id, change.policy(), effective);
          result[0] = new Result(change.created() ? 201 : 204, change.body());
          return change.policy();
        });
    return result[0];
  }

  private static void requireWrite(
      Enforcer enforcer, PolicyModifyCommand<?> command, AuthorizationContext auth) {
    ResourceKey key = PoliciesResourceType.policyResource(command.getResourcePath());
    if (!enforcer.hasUnrestrictedPermissions(key, auth, Permissions.newInstance(WRITE))) {
      throw PolicyCommandToModifyExceptionRegistry.getInstance().exceptionFrom(command);
    }
  }

  /** Someone must still be able to change the policy after the change (Ditto's lockout rule). */
  private static void requireWriter(PolicyId id, Policy next, PolicyModifyCommand<?> command) {
    Enforcer enforcer = PolicyEnforcers.defaultEvaluator(next);
    boolean writable =
        !enforcer
            .getSubjectsWithUnrestrictedPermission(
                PoliciesResourceType.policyResource("/"), Permissions.newInstance(WRITE))
            .isEmpty();
    if (writable) {
      return;
    }
    String description =
        "It must contain at least one subject with the permission 'WRITE' on resource"
            + " 'policy:/'.";
    Label label = PolicyEntities.label(command);
    DittoRuntimeException e =
        label == null
            ? PolicyModificationInvalidException.newBuilder(id).description(description).build()
            : PolicyEntryModificationInvalidException.newBuilder(id, label)
                .description(description)
                .build();
    throw e;
  }

  private static PolicyNotAccessibleException notFound(PolicyId id) {
    return PolicyNotAccessibleException.newBuilder(id).build();
  }
}
