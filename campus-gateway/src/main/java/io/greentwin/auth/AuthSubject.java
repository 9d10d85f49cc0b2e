package io.greentwin.auth;

import java.util.List;
import java.util.Objects;
import org.eclipse.ditto.base.model.auth.AuthorizationContext;
import org.eclipse.ditto.base.model.auth.AuthorizationContextType;
import org.eclipse.ditto.base.model.auth.AuthorizationSubject;

/**
 * Who made a request, once authenticated: the user, the user's role, and how they proved it ({@code
 * pre-authenticated-http} for Basic, {@code jwt} for a Bearer token, as Ditto names them).
 */
public record AuthSubject(String user, Role role, AuthorizationContextType type) {
  public AuthSubject {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(type, "type");
  }

  /** The user's policy subject and the originator of its writes: {@code greentwin:<user>}. */
  public String subjectId() {
    return User.SUBJECT_ISSUER + ":" + user;
  }

  /**
   * Ditto's authorization context: the user's subject first (Ditto takes the first as the
   * originator), then the role's ({@code role:<role>}), which the campus policy grants to.
   */
  public AuthorizationContext authorizationContext() {
    return AuthorizationContext.newInstance(
        type,
        List.of(
            AuthorizationSubject.newInstance(subjectId()),
            AuthorizationSubject.newInstance(role.subjectId())));
  }
}
