package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.CampusLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThingsCommandTest {
  @TempDir Path dir;

  @Test
  void emitsOneDittoThingPerLineForEveryAsset() {
    Path demo = CliRun.demoConfig();

    CliRun run = CliRun.of("things", "--config", demo.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines)
        .hasSizeGreaterThanOrEqualTo(5000)
        .hasSize(new CampusLoader().loadCampus(demo).count());
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      Thing thing = ThingsModelFactory.newThing(line);
      assertThat(ids.add(thing.getEntityId().orElseThrow().toString())).isTrue();
      assertThat(thing.getDefinition()).isPresent();
      assertThat(thing.getFeatures()).isPresent();
    }
  }

  @Test
  void writesTheThingsToTheOutFile() throws IOException {
    Path out = dir.resolve("things.jsonl");

    CliRun run =
        CliRun.of("things", "--config", CliRun.demoConfig().toString(), "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(run.out()).isEqualTo(out + ": " + lines.size() + " things" + System.lineSeparator());
    assertThat(lines).hasSizeGreaterThanOrEqualTo(5000);
    assertThat(ThingsModelFactory.newThing(lines.get(lines.size() - 1)).getEntityId())
        .hasValueSatisfying(id -> assertThat(id.toString()).endsWith(":weather-station"));
  }

  @Test
  void brokenConfigExitsTwoWithoutWritingThings() throws IOException {
    Path broken =
        Files.writeString(
            dir.resolve("broken.yaml"),
            Files.readString(CliRun.demoConfig()).replace("kind: rooftop", "kind: roof"));

    CliRun run = CliRun.of("things", "--config", broken.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains(": pv[0].kind: 'roof' is not allowed; allowed: one of rooftop, ground")
        .contains(": pv[1].kind: 'roof' is not allowed")
        .doesNotContain("Exception");
  }

  @Test
  void unwritableOutFileExitsTwo() {
    Path out = dir.resolve("no-such-folder").resolve("things.jsonl");

    CliRun run =
        CliRun.of("things", "--config", CliRun.demoConfig().toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("greentwin: " + out + ": cannot write")
        .doesNotContain("\tat ");
  }
}
