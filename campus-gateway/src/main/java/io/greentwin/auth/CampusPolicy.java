package io.greentwin.auth;

import org.eclipse.ditto.policies.model.PoliciesModelFactory;
import org.eclipse.ditto.policies.model.PoliciesResourceType;
import org.eclipse.ditto.policies.model.Policy;
import org.eclipse.ditto.policies.model.PolicyId;
import org.eclipse.ditto.policies.model.Subject;
import org.eclipse.ditto.policies.model.SubjectType;

/**
 * The default policy of the campus things ({@code <namespace>:campus-policy}), one entry per role,
 * granted to the role's subject {@code role:<role>}:
 *
 * <ul>
 *   <li>{@code admin}: READ and WRITE on {@code thing:/}, {@code policy:/} and {@code message:/};
 *   <li>{@code operator}: READ on {@code thing:/}, WRITE on {@code thing:/features} (readings,
 *       setpoints), not on attributes, definition or policy id;
 *   <li>{@code planner}: READ on {@code thing:/attributes} and {@code thing:/features} (the KPIs,
 *       heat and energy features) but READ revoked on {@code thing:/features/compute}: server
 *       utilisation and power stay internal (a revoke at a deeper path wins);
 *   <li>{@code ops}: READ on {@code thing:/}.
 * </ul>
 */
public final class CampusPolicy {
  static final String READ = "READ";
  static final String WRITE = "WRITE";

  private CampusPolicy() {}

  /** The campus policy with the given id. */
  public static Policy of(PolicyId id) {
    return Policy.newBuilder(id)
        .forLabel(Role.ADMIN.configName())
        .setSubject(subject(Role.ADMIN))
        .setGrantedPermissions(PoliciesResourceType.thingResource("/"), READ, WRITE)
        .setGrantedPermissions(PoliciesResourceType.policyResource("/"), READ, WRITE)
        .setGrantedPermissions(PoliciesResourceType.messageResource("/"), READ, WRITE)
        .forLabel(Role.OPERATOR.configName())
        .setSubject(subject(Role.OPERATOR))
        .setGrantedPermissions(PoliciesResourceType.thingResource("/"), READ)
        .setGrantedPermissions(PoliciesResourceType.thingResource("/features"), WRITE)
        .forLabel(Role.PLANNER.configName())
        .setSubject(subject(Role.PLANNER))
        .setGrantedPermissions(PoliciesResourceType.thingResource("/attributes"), READ)
        .setGrantedPermissions(PoliciesResourceType.thingResource("/features"), READ)
        .setRevokedPermissions(PoliciesResourceType.thingResource("/features/compute"), READ)
        .forLabel(Role.OPS.configName())
        .setSubject(subject(Role.OPS))
        .setGrantedPermissions(PoliciesResourceType.thingResource("/"), READ)
        .build();
  }

  private static Subject subject(Role role) {
    return PoliciesModelFactory.newSubject(
        PoliciesModelFactory.newSubjectId(role.subjectId()),
        SubjectType.newInstance("GreenTwin role"));
  }
}
