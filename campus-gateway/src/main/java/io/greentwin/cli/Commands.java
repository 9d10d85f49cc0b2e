package io.greentwin.cli;

import picocli.CommandLine;

/** The list of subcommands: each issue that adds a command registers it here, once. */
final class Commands {
  private Commands() {}

  static void register(CommandLine cli, CliContext context) {
    // subcommands are added below, one line each
    cli.addSubcommand(new ValidateConfigCommand());
    cli.addSubcommand(new ThingsCommand());
    cli.addSubcommand(new RunCommand(context));
    cli.addSubcommand(new SimulateCommand(context));
    cli.addSubcommand(new ReplayCommand(context));
    cli.addSubcommand(new JobsCommand(context));
    cli.addSubcommand("pv", new PvCommand());
    cli.addSubcommand(new BenchCommand());
    cli.addSubcommand(new HashPasswordCommand(System.in));
  }
}
