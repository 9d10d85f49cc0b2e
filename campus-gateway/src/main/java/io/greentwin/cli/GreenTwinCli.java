package io.greentwin.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code greentwin} launcher: one entry point for every GreenTwin command. This is the
 * composition root of the command-line deployable; each subcommand wires its own parts.
 */
@Command(
    name = "greentwin",
    mixinStandardHelpOptions = true,
    versionProvider = GreenTwinCli.Version.class,
    description = "Digital twin of a green data-center campus.",
    subcommands = {CommandLine.HelpCommand.class})
public final class GreenTwinCli implements Runnable {

  /** Exit code for a user error (bad arguments, bad config): never a stack trace. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns its exit code; used by tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new GreenTwinCli());
    Commands.register(cli);
    cli.setExitCodeExceptionMapper(ExitCodes::forException);
    cli.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
    cli.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GreenTwinCli.class.getPackage().getImplementationVersion();
      return new String[] {"greentwin " + (v == null ? "dev" : v)};
    }
  }
}
