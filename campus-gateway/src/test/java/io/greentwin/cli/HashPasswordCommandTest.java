package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.auth.Passwords;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HashPasswordCommandTest {
  @TempDir Path dir;

  @Test
  void printsABcryptHashOfThePasswordOnStandardInput() {
    CliRun run = hash("s3cret pass\n", "--cost", "4");

    assertThat(run.exitCode()).isZero();
    String hash = run.out().trim();
    assertThat(hash).startsWith("$2a$04$");
    assertThat(new Passwords().verify("s3cret pass".toCharArray(), hash)).isTrue();
  }

  @Test
  void defaultCostIsTwelve() {
    assertThat(hash("pw").out()).startsWith("$2a$12$");
  }

  @Test
  void emptyInputIsAUsageError() {
    CliRun run = hash("");

    assertThat(run.exitCode()).isEqualTo(GreenTwinCli.EXIT_USAGE);
    assertThat(run.err()).contains("no password on standard input");
  }

  @Test
  void passwordTooLongForBcryptIsAUsageError() {
    CliRun run = hash("x".repeat(80), "--cost", "4");

    assertThat(run.exitCode()).isEqualTo(GreenTwinCli.EXIT_USAGE);
    assertThat(run.err()).contains("72 bytes");
  }

  @Test
  void runRefusesANonLoopbackBindWithoutConfiguredUsers() throws Exception {
    Path config = Files.writeString(dir.resolve("gateway.yaml"), "users: []\n");

    CliRun run = CliRun.of("run", "--host", "0.0.0.0", "--gateway-config", config.toString());

    assertThat(run.exitCode()).isEqualTo(GreenTwinCli.EXIT_USAGE);
    assertThat(run.err())
        .contains("refusing to bind the gateway to 0.0.0.0")
        .contains("demo users")
        .contains("greentwin hash-password");
  }

  @Test
  void runRejectsAnInvalidGatewayConfigNamingTheField() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("gateway.yaml"),
            "users:\n  - {name: alice, role: root, passwordHash: x}\n");

    CliRun run = CliRun.of("run", "--gateway-config", config.toString());

    assertThat(run.exitCode()).isEqualTo(GreenTwinCli.EXIT_USAGE);
    assertThat(run.err()).contains(config + ":2:").contains("users[0].role");
  }

  private static CliRun hash(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(
            new HashPasswordCommand(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(ExitCodes::forException);
    cli.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
