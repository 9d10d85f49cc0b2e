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
    CliContext context =
        new CliContext(
            new FileOutputStream(FileDescriptor.out), Clock.systemUTC(), System.console() != null);
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(args, out, err, context));
  }

  /** Runs the CLI with character streams and the system clock; used by tests. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CliContext context = new CliContext(new WriterOutputStream(out), Clock.systemUTC(), false);
    return execute(args, out, err, context);
  }

  /** Runs the CLI and returns its exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    CommandLine cli = commandLine(context);
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine cli = new CommandLine(new GreenTwinCli());
    Commands.register(cli, context);
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
