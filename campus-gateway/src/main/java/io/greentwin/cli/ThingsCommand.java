package io.greentwin.cli;

import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import io.greentwin.things.CampusThings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greentwin things [--config FILE] [--out FILE]}: every thing of the campus as Ditto JSON,
 * one object per line (JSON Lines), the export a real Ditto can import.
 */
@Command(
    name = "things",
    mixinStandardHelpOptions = true,
    description = "Writes every thing of the campus as Ditto JSON, one object per line.")
final class ThingsCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "config/campus.yaml",
      description = "campus config (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "write the things to this file instead of standard output")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Campus campus = new CampusLoader().loadCampus(config);
    if (out == null) {
      writeLines(campus, spec.commandLine().getOut());
      spec.commandLine().getOut().flush();
      return 0;
    }
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      writeLines(campus, writer);
    } catch (IOException | UncheckedIOException e) {
      throw new GreenTwinException(
          ErrorCode.ARGUMENT_INVALID, out + ": cannot write: " + e.getMessage(), null, e);
    }
    spec.commandLine().getOut().println(out + ": " + campus.count() + " things");
    return 0;
  }

  private static void writeLines(Campus campus, Writer writer) {
    CampusThings.jsonLines(campus)
        .forEach(
            line -> {
              try {
                writer.write(line);
                writer.write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
