package io.greentwin.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user is allowed to do. A role is a policy subject of its own, {@code role:<name>}, that
 * every user of the role carries besides {@code greentwin:<user>}: the campus policy grants to
 * roles, so configured users get their permissions without editing a policy.
 */
public enum Role {
  ADMIN,
  OPERATOR,
  PLANNER,
  OPS;

  /** The subject issuer of role subjects. */
  public static final String SUBJECT_ISSUER = "role";

  /** The name in configuration and tokens: {@code admin}, {@code operator}, ... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role's policy subject, e.g. {@code role:operator}. */
  public String subjectId() {
    return SUBJECT_ISSUER + ":" + configName();
  }

  /** The role of a configuration name, if it is one. */
  public static Optional<Role> ofConfigName(String name) {
    return Arrays.stream(values()).filter(r -> r.configName().equals(name)).findFirst();
  }
}
