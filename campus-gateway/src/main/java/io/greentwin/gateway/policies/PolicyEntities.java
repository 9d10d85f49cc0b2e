package io.greentwin.gateway.policies;

import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.policies.model.Label;
import org.eclipse.ditto.policies.model.PoliciesModelFactory;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyEntry;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.Resource;
import org.eclipse.ditto.policies.model.ResourceKey;
import org.eclipse.ditto.policies.model.SubjectId;
import org.eclipse.ditto.policies.model.signals.commands.PolicyCommand;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.PolicyEntryNotAccessibleException;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.ResourceNotAccessibleException;
import org.eclipse.ditto.policies.model.signals.commands.exceptions.SubjectNotAccessibleException;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeletePolicyEntry;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeleteResource;
import org.eclipse.ditto.policies.model.signals.commands.modify.DeleteSubject;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyPolicy;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyPolicyEntries;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyPolicyEntry;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyResource;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifyResources;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifySubject;
import org.eclipse.ditto.policies.model.signals.commands.modify.ModifySubjects;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrievePolicy;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrievePolicyEntries;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrievePolicyEntry;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveResource;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveResources;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveSubject;
import org.eclipse.ditto.policies.model.signals.commands.query.RetrieveSubjects;

/**
 * The pure part of the policy commands: what a query reads from a policy, and the policy a change
 * makes, with Ditto's not-found errors for a missing entry, subject or resource. Each change says
 * whether it created something (201 with its JSON) or modified it (204), as Ditto answers.
 */
final class PolicyEntities {
  /** A changed policy, whether the command created its target, and the body to answer with. */
  record Change(Policy policy, boolean created, JsonValue body) {
    static Change modified(Policy policy) {
      return new Change(policy, false, null);
    }
  }

  private PolicyEntities() {}

  static JsonValue retrieve(Policy policy, PolicyCommand<?> query) {
    PolicyId id = query.getEntityId();
    if (query instanceof RetrievePolicy) {
      return policy.toJson();
    }
    if (query instanceof RetrievePolicyEntries) {
      return policy.toJson().getValue(Policy.JsonFields.ENTRIES).orElseGet(JsonObject::empty);
    }
    if (query instanceof RetrievePolicyEntry q) {
      return entry(policy, id, q.getLabel()).toJson();
    }
    if (query instanceof RetrieveSubjects q) {
      return entry(policy, id, q.getLabel()).getSubjects().toJson();
    }
    if (query instanceof RetrieveSubject q) {
      return entry(policy, id, q.getLabel())
          .getSubjects()
          .getSubject(q.getSubjectId())
          .orElseThrow(() -> noSubject(id, q.getLabel(), q.getSubjectId()))
          .toJson();
    }
    if (query instanceof RetrieveResources q) {
      return entry(policy, id, q.getLabel()).getResources().toJson();
    }
    if (query instanceof RetrieveResource q) {
      return resource(entry(policy, id, q.getLabel()), id, q.getResourceKey())
          .getEffectedPermissions()
          .toJson();
    }
    throw new IllegalArgumentException("not a supported query: " + query.getType());
  }

  static Change apply(Policy current, PolicyCommand<?> command) {
    PolicyId id = command.getEntityId();
    if (command instanceof ModifyPolicy c) {
      return Change.modified(c.getPolicy());
    }
    if (command instanceof ModifyPolicyEntries c) {
      return Change.modified(PoliciesModelFactory.newPolicy(id, c.getPolicyEntries()));
    }
    if (command instanceof ModifyPolicyEntry c) {
      PolicyEntry entry = c.getPolicyEntry();
      boolean created = !current.contains(entry.getLabel());
      return new Change(current.setEntry(entry), created, created ? entry.toJson() : null);
    }
    if (command instanceof DeletePolicyEntry c) {
      entry(current, id, c.getLabel());
      return Change.modified(current.removeEntry(c.getLabel()));
    }
    if (command instanceof ModifySubjects c) {
      entry(current, id, c.getLabel());
      return Change.modified(current.setSubjectsFor(c.getLabel(), c.getSubjects()));
    }
    if (command instanceof ModifySubject c) {
      boolean created =
          entry(current, id, c.getLabel())
              .getSubjects()
              .getSubject(c.getSubject().getId())
              .isEmpty();
      return new Change(
          current.setSubjectFor(c.getLabel(), c.getSubject()),
          created,
          created ? c.getSubject().toJson() : null);
    }
    if (command instanceof DeleteSubject c) {
      entry(current, id, c.getLabel())
          .getSubjects()
          .getSubject(c.getSubjectId())
          .orElseThrow(() -> noSubject(id, c.getLabel(), c.getSubjectId()));
      return Change.modified(current.removeSubjectFor(c.getLabel(), c.getSubjectId()));
    }
    if (command instanceof ModifyResources c) {
      entry(current, id, c.getLabel());
      return Change.modified(current.setResourcesFor(c.getLabel(), c.getResources()));
    }
    if (command instanceof ModifyResource c) {
      Resource resource = c.getResource();
      boolean created =
          entry(current, id, c.getLabel())
              .getResources()
              .getResource(resource.getResourceKey())
              .isEmpty();
      return new Change(
          current.setResourceFor(c.getLabel(), resource),
          created,
          created ? resource.getEffectedPermissions().toJson() : null);
    }
    if (command instanceof DeleteResource c) {
      resource(entry(current, id, c.getLabel()), id, c.getResourceKey());
      return Change.modified(current.removeResourceFor(c.getLabel(), c.getResourceKey()));
    }
    throw new IllegalArgumentException("not a supported change: " + command.getType());
  }

  /** The entry a command is about, or null for commands on the whole policy. */
  static Label label(PolicyCommand<?> command) {
    if (command instanceof ModifyPolicyEntry c) {
      return c.getPolicyEntry().getLabel();
    }
    if (command instanceof DeletePolicyEntry c) {
      return c.getLabel();
    }
    if (command instanceof ModifySubjects c) {
      return c.getLabel();
    }
    if (command instanceof ModifySubject c) {
      return c.getLabel();
    }
    if (command instanceof DeleteSubject c) {
      return c.getLabel();
    }
    if (command instanceof ModifyResources c) {
      return c.getLabel();
    }
    if (command instanceof ModifyResource c) {
      return c.getLabel();
    }
    return command instanceof DeleteResource c ? c.getLabel() : null;
  }

  private static PolicyEntry entry(Policy policy, PolicyId id, Label label) {
    return policy
        .getEntryFor(label)
        .orElseThrow(() -> PolicyEntryNotAccessibleException.newBuilder(id, label).build());
  }

  private static Resource resource(PolicyEntry entry, PolicyId id, ResourceKey key) {
    return entry
        .getResources()
        .getResource(key)
        .orElseThrow(
            () ->
                ResourceNotAccessibleException.newBuilder(id, entry.getLabel(), key.toString())
                    .build());
  }

  private static SubjectNotAccessibleException noSubject(PolicyId id, Label label, SubjectId s) {
    return SubjectNotAccessibleException.newBuilder(id, label, s).build();
  }
}
