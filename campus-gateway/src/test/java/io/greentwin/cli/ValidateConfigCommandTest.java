package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.CampusLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateConfigCommandTest {
  @TempDir Path dir;

  @Test
  void validDemoExitsZeroAndCountsThingsByKind() {
    Path demo = CliRun.demoConfig();
    int things = new CampusLoader().loadCampus(demo).count();

    CliRun run = CliRun.of("validate-config", demo.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith(
            demo
                + ": valid — "
                + things
                + " things (site 1, building 2, hall 4, row 48,"
                + " rack 576, server 4896, cdu 10, ")
        .contains("pv_inverter 28", "weather_station 1)");
    assertThat(things).isGreaterThanOrEqualTo(5000);
  }

  @Test
  void brokenConfigExitsTwoWithEveryProblemOnItsOwnLineAndNoStackTrace() throws IOException {
    String demo = Files.readString(CliRun.demoConfig());
    Path broken =
        Files.writeString(
            dir.resolve("broken.yaml"),
            demo.replace("liquidFraction: 0.90", "liquidFraction: 1.2")
                .replace("workloadProfile: batch-training", "workloadProfile: batch"));

    CliRun run = CliRun.of("validate-config", broken.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .contains("greentwin: " + broken + ": invalid campus config, 2 problems:")
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(broken + ":")
                    .contains(
                        ": serverModels[0].liquidFraction: 1.2 is out of range; allowed: a number"
                            + " from 0.75 to 0.98"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(broken + ":")
                    .contains(
                        ": buildings[1].halls[1].workloadProfile: unknown workload profile 'batch';"
                            + " allowed: the id of one of workloadProfiles: interactive, batch-training"));
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("at io.");
  }

  @Test
  void yamlSyntaxErrorExitsTwoWithLineAndColumn() throws IOException {
    Path broken = Files.writeString(dir.resolve("syntax.yaml"), "site:\n  name: [unclosed\n");

    CliRun run = CliRun.of("validate-config", broken.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(broken + ":2:18: (yaml): YAML syntax error: expected ',' or ']'")
        .contains("flow sequence that starts at line 2");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("at io.");
  }

  @Test
  void missingFileExitsTwo() {
    Path missing = dir.resolve("missing.yaml");

    CliRun run = CliRun.of("validate-config", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("greentwin: " + missing + ": no such file" + System.lineSeparator());
  }

  @Test
  void withoutFileItValidatesConfigCampusYamlOfTheWorkingDirectory() {
    CliRun run = CliRun.of("validate-config");

    // Surefire runs in the module folder, where there is no config/: either way the default shows.
    assertThat(run.out() + run.err()).contains(Path.of("config", "campus.yaml") + ":");
  }
}
