package io.greentwin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"})
  void demoUsersServeALoopbackBind(String host) {
    Credentials credentials = Credentials.forBind(host, null);

    assertThat(credentials.isDemo()).isTrue();
    assertThat(credentials.users()).containsOnlyKeys("admin", "operator", "planner", "ops");
    assertThat(credentials.user("planner").orElseThrow().role()).isEqualTo(Role.PLANNER);
    assertThat(
            new Passwords()
                .verify("ops".toCharArray(), credentials.user("ops").orElseThrow().passwordHash()))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "10.0.0.5", "192.168.1.20", "gateway.example", ""})
  void demoUsersAreRefusedOnAnyOtherAddressWithAClearMessage(String host) {
    assertThatThrownBy(() -> Credentials.forBind(host, null))
        .isInstanceOfSatisfying(
            GreenTwinException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
              assertThat(e.isUserError()).isTrue();
              assertThat(e.getMessage())
                  .contains("refusing to bind the gateway to " + host)
                  .contains("demo users")
                  .contains("only on loopback")
                  .contains("--host 127.0.0.1")
                  .contains("users:")
                  .contains("greentwin hash-password");
            });
  }

  @Test
  void aConfigWithoutUsersIsNamedInTheRefusal() throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, "users: []\n");

    assertThatThrownBy(() -> Credentials.forBind("0.0.0.0", file))
        .hasMessageContaining(file + " lists no users");
  }

  @Test
  void configuredUsersServeAnyAddress() throws Exception {
    String hash = new Passwords(4).hash("s3cret".toCharArray());
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(
        file, "users:\n  - name: alice\n    role: operator\n    passwordHash: \"" + hash + "\"\n");

    Credentials credentials = Credentials.forBind("0.0.0.0", file);

    assertThat(credentials.isDemo()).isFalse();
    assertThat(credentials.users()).containsOnlyKeys("alice");
    assertThat(credentials.user("admin")).isEmpty();
  }

  @Test
  void hostNamesOtherThanLocalhostAreNotTrustedAsLoopback() {
    assertThat(Credentials.isLoopback("localhost.example")).isFalse();
    assertThat(Credentials.isLoopback("127.0.0.1.nip.io")).isFalse();
  }

  @Test
  void configuredUsersReplaceTheDemoUsersOnLoopbackToo() {
    User alice = new User("alice", Role.ADMIN, new Passwords(4).hash("pw".toCharArray()));

    Credentials credentials =
        Credentials.forBind("127.0.0.1", new AuthConfig(List.of(alice), JwtConfig.DEFAULT), null);

    assertThat(credentials.users()).containsOnlyKeys("alice");
  }
}
