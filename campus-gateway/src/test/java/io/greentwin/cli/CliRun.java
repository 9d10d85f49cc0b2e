package io.greentwin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One run of the CLI with captured streams, as a test sees it. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GreenTwinCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The demo campus, from the repository root Surefire names. */
  static Path demoConfig() {
    return Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml");
  }
}
