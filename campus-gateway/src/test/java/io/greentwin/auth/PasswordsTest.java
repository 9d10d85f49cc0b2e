package io.greentwin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final Passwords passwords = new Passwords(4);

  @Test
  void hashVerifiesTheSamePasswordOnly() {
    String hash = passwords.hash("correct horse".toCharArray());

    assertThat(hash).startsWith("$2a$04$").hasSize(60);
    assertThat(passwords.verify("correct horse".toCharArray(), hash)).isTrue();
    assertThat(passwords.verify("correct horsE".toCharArray(), hash)).isFalse();
  }

  @Test
  void eachHashHasItsOwnSalt() {
    assertThat(passwords.hash("pw".toCharArray())).isNotEqualTo(passwords.hash("pw".toCharArray()));
  }

  @Test
  void verifiesHashesOfOtherCostsAndOtherBcryptTools() {
    // The same hash labelled $2b$, as OpenBSD and Python bcrypt write it.
    String hash = new Passwords(10).hash("password".toCharArray()).replace("$2a$", "$2b$");

    assertThat(new Passwords().verify("password".toCharArray(), hash)).isTrue();
  }

  @Test
  void malformedHashNeverVerifies() {
    assertThat(passwords.verify("pw".toCharArray(), "not-a-hash")).isFalse();
    assertThat(passwords.verify("pw".toCharArray(), "")).isFalse();
  }

  @Test
  void refusesEmptyAndOverlongPasswords() {
    assertThatThrownBy(() -> passwords.hash(new char[0])).hasMessageContaining("empty");
    assertThatThrownBy(() -> passwords.hash("x".repeat(73).toCharArray()))
        .hasMessageContaining("72 bytes");
    assertThat(passwords.verify("x".repeat(73).toCharArray(), passwords.hash("x".toCharArray())))
        .isFalse();
  }

  @Test
  void refusesCostsBcryptDoesNotHave() {
    assertThatThrownBy(() -> new Passwords(3)).hasMessageContaining("4..31");
  }
}
