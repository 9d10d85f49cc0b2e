package io.greentwin.cli;

import io.greentwin.error.GreenTwinException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Maps failures to exit codes and one-line messages: a user error is code 2, never a trace. */
final class ExitCodes {
  private ExitCodes() {}

  static int forException(Throwable t) {
    if (t instanceof CommandLine.ParameterException) {
      return GreenTwinCli.EXIT_USAGE; // the mapper also sees picocli's parse errors
    }
    return t instanceof GreenTwinException ge && ge.isUserError() ? GreenTwinCli.EXIT_USAGE : 1;
  }

  static int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    if (ex instanceof GreenTwinException ge) {
      cli.getErr().println("greentwin: " + ge.getMessage());
      cli.getErr().flush();
      return ge.isUserError() ? GreenTwinCli.EXIT_USAGE : 1;
    }
    cli.getErr().println("greentwin: internal error: " + ex);
    ex.printStackTrace(cli.getErr());
    cli.getErr().flush();
    return 1;
  }
}
