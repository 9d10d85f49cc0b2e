package io.greentwin.cli;

import io.greentwin.auth.Passwords;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greentwin hash-password}: reads a password from the first line of standard input and
 * prints its bcrypt hash, for the {@code passwordHash} of a user in {@code config/gateway.yaml}.
 * The password is never an argument, so it stays out of shell history and process lists.
 */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a password from the first line of standard input and prints its bcrypt hash, for"
          + " users[].passwordHash in config/gateway.yaml.",
      "Example: ./greentwin hash-password < password.txt"
    })
final class HashPasswordCommand implements Callable<Integer> {
  private final InputStream stdin;

  @Spec CommandSpec spec;

  @Option(
      names = "--cost",
      defaultValue = "" + Passwords.DEFAULT_COST,
      description = "bcrypt cost, 4..31: each step doubles the work (default: ${DEFAULT-VALUE}).")
  int cost;

  HashPasswordCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    Passwords passwords;
    try {
      passwords = new Passwords(cost);
    } catch (IllegalArgumentException e) {
      throw new GreenTwinException(ErrorCode.ARGUMENT_INVALID, "--cost: " + e.getMessage());
    }
    String line =
        new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID,
          "no password on standard input; e.g. ./greentwin hash-password < password.txt");
    }
    try {
      spec.commandLine().getOut().println(passwords.hash(line.toCharArray()));
    } catch (IllegalArgumentException e) {
      throw new GreenTwinException(ErrorCode.ARGUMENT_INVALID, e.getMessage());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
