package io.greentwin.auth;

import java.util.Objects;

/** A user who may sign in: login name, role and the bcrypt hash of the password. */
public record User(String name, Role role, String passwordHash) {
  /** The issuer of user subjects: a user's policy subject is {@code greentwin:<name>}. */
  public static final String SUBJECT_ISSUER = "greentwin";

  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("user name must match [A-Za-z0-9._-]{1,64}: " + name);
    }
  }

  /** The user's policy subject, e.g. {@code greentwin:alice}. */
  public String subjectId() {
    return SUBJECT_ISSUER + ":" + name;
  }

  @Override
  public String toString() {
    return "User[" + name + ", " + role.configName() + "]"; // never the hash
  }
}
