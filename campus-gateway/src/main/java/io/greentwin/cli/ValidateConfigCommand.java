package io.greentwin.cli;

import io.greentwin.campus.Asset;
import io.greentwin.campus.AssetKind;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.things.CampusThings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greentwin validate-config [FILE]}: validates a campus config and says how many things it
 * expands to, by kind. An invalid config fails with every problem on its own line (exit code 2).
 */
@Command(
    name = "validate-config",
    mixinStandardHelpOptions = true,
    description = "Validates a campus config and counts the things it expands to.")
final class ValidateConfigCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "config/campus.yaml",
      description = "campus config (default: ${DEFAULT-VALUE})")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Campus campus = new CampusLoader().loadCampus(file);
    spec.commandLine()
        .getOut()
        .println(file + ": valid — " + campus.count() + " things (" + countsByKind(campus) + ")");
    return 0;
  }

  /** {@code site 1, building 2, ...} in kind order, kinds without assets left out. */
  static String countsByKind(Campus campus) {
    Map<AssetKind, Long> counts =
        campus.assets().stream()
            .collect(
                Collectors.groupingBy(
                    Asset::kind, () -> new EnumMap<>(AssetKind.class), Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> CampusThings.kindName(e.getKey()) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
