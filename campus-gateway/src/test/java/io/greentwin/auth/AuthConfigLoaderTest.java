package io.greentwin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthConfigLoaderTest {
  private static final String HASH = new Passwords(4).hash("s3cret".toCharArray());

  @TempDir Path dir;
  private final AuthConfigLoader loader = new AuthConfigLoader();

  @Test
  void loadsUsersRolesAndTokenSettings() throws Exception {
    Path file =
        write(
            """
            users:
              - name: alice
                role: operator
                passwordHash: "%s"
              - name: bob
                role: planner
                passwordHash: "%s"
            jwt:
              issuer: campus-east
              secretEnv: EAST_JWT
              ttl: 15m
            """
                .formatted(HASH, HASH));

    AuthConfig config = loader.load(file);

    assertThat(config.users())
        .extracting(User::name, User::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", Role.OPERATOR),
            org.assertj.core.groups.Tuple.tuple("bob", Role.PLANNER));
    assertThat(config.jwt())
        .isEqualTo(new JwtConfig("campus-east", "EAST_JWT", null, Duration.ofMinutes(15)));
  }

  @Test
  void shippedGatewayConfigIsValidAndListsNoUsers() {
    Path shipped =
        Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "gateway.yaml");

    AuthConfig config = loader.load(shipped);

    assertThat(config.users()).isEmpty();
    assertThat(config.jwt()).isEqualTo(JwtConfig.DEFAULT);
  }

  @Test
  void missingJwtSectionMeansTheDefaults() throws Exception {
    assertThat(loader.load(write("users: []\n")).jwt()).isEqualTo(JwtConfig.DEFAULT);
    assertThat(loader.load(write("# nothing\n"))).isEqualTo(AuthConfig.DEFAULT);
  }

  @Test
  void unknownRoleIsNamedWithFileLineFieldAndTheAllowedRoles() throws Exception {
    Path file =
        write("users:\n  - name: alice\n    role: superuser\n    passwordHash: \"" + HASH + "\"\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOfSatisfying(
            GreenTwinException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
              assertThat(e.getMessage())
                  .contains(file + ":3:")
                  .contains("users[0].role: 'superuser' is not allowed")
                  .contains("admin", "operator", "planner", "ops");
            });
  }

  @Test
  void plainPasswordInsteadOfAHashIsRejectedWithoutEchoingIt() throws Exception {
    Path file =
        write("users:\n  - name: alice\n    role: admin\n    passwordHash: hunter2hunter2\n");

    assertThatThrownBy(() -> loader.load(file))
        .hasMessageContaining("users[0].passwordHash: is not a bcrypt hash")
        .hasMessageContaining("greentwin hash-password")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    Path file =
        write(
            """
            users:
              - name: alice
                role: admin
              - name: alice
                role: ops
                passwordHash: "%s"
                email: alice@example.org
            jwt:
              secret: short
              colour: blue
            """
                .formatted(HASH));

    assertThatThrownBy(() -> loader.load(file))
        .hasMessageContaining("invalid gateway config, 5 problems")
        .hasMessageContaining("users[1].name: user 'alice' is listed twice")
        .hasMessageContaining("users[0].passwordHash: missing required field")
        .hasMessageContaining("users[1].email: unknown field")
        .hasMessageContaining("jwt.secret:")
        .hasMessageContaining("jwt.colour: unknown field");
  }

  @Test
  void duplicateUserNamesAreRejected() throws Exception {
    Path file =
        write(
            ("users:\n  - {name: alice, role: admin, passwordHash: \"%s\"}\n"
                    + "  - {name: alice, role: ops, passwordHash: \"%s\"}\n")
                .formatted(HASH, HASH));

    assertThatThrownBy(() -> loader.load(file))
        .hasMessageContaining(file + ":3:")
        .hasMessageContaining("users[1].name: user 'alice' is listed twice");
  }

  @Test
  void bothSecretSourcesAreRejected() throws Exception {
    Path file = write("jwt:\n  secretEnv: X\n  secret: \"" + "s".repeat(40) + "\"\n");

    assertThatThrownBy(() -> loader.load(file))
        .hasMessageContaining("jwt: both secretEnv and secret are given");
  }

  @Test
  void badTokenLifetimeIsRejected() throws Exception {
    assertThatThrownBy(() -> loader.load(write("jwt:\n  ttl: forever\n")))
        .hasMessageContaining("jwt.ttl: 'forever' is not a duration");
  }

  @Test
  void yamlSyntaxErrorsSayWhere() throws Exception {
    Path file = write("users:\n  - name: [alice\n");

    assertThatThrownBy(() -> loader.load(file))
        .hasMessageContaining(file + ":")
        .hasMessageContaining("YAML syntax error");
  }

  @Test
  void missingFileIsNotFound() {
    assertThatThrownBy(() -> loader.load(dir.resolve("absent.yaml")))
        .isInstanceOfSatisfying(
            GreenTwinException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_NOT_FOUND))
        .hasMessageContaining("no such file");
  }

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("gateway-" + System.nanoTime() + ".yaml"), yaml);
  }
}
