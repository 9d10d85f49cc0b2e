package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.sim.Reading;
import io.greentwin.sim.ReadingJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  static final String CONFIG =
      Path.of(System.getProperty("greentwin.repo.dir", ".."), "config", "campus.yaml").toString();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GreenTwinCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void streamsParseableReadingsToStdout() {
    Run r =
        cli(
            "simulate",
            "--config",
            CONFIG,
            "--duration",
            "1m",
            "--speed",
            "0",
            "--seed",
            "3",
            "--start",
            "2026-06-21T04:00:00Z");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2 * 17_862);
    ReadingJson parser = new ReadingJson();
    Reading first = parser.parse(lines.get(0));
    assertThat(first.thingId()).startsWith("greentwin.xianghe:");
    assertThat(parser.parse(lines.get(lines.size() - 1)).seq()).isEqualTo(2);
    assertThat(r.err()).contains("simulated 2 ticks, 35724 readings of 5588 things");
  }

  @Test
  void writesToAFileWithFaultsAndTheSameSeedGivesTheSameFile() throws Exception {
    Path faults = dir.resolve("faults.yaml");
    Files.writeString(
        faults,
        """
        faults:
          - type: malformed-messages
            start: 0s
            duration: 1m
            magnitude: 2
        """);
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    for (Path p : List.of(a, b)) {
      Run r =
          cli(
              "simulate",
              "--config",
              CONFIG,
              "--duration",
              "30s",
              "--speed",
              "0",
              "--start",
              "2026-01-01T00:00:00Z",
              "--faults",
              faults.toString(),
              "--out",
              p.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEmpty();
    }
    assertThat(Files.readAllLines(a)).hasSize(17_862 + 2).isEqualTo(Files.readAllLines(b));
  }

  @Test
  void badArgumentsExitWithCodeTwoAndNoStackTrace() throws Exception {
    Path badFaults = dir.resolve("bad.yaml");
    Files.writeString(badFaults, "faults:\n  - type: meteor\n    start: 1m\n    duration: 1m\n");
    List<Run> runs =
        List.of(
            cli("simulate", "--config", CONFIG, "--duration", "soon"),
            cli("simulate", "--config", CONFIG, "--speed", "-1"),
            cli("simulate", "--config", dir.resolve("missing.yaml").toString()),
            cli("simulate", "--config", CONFIG, "--faults", badFaults.toString()),
            cli("simulate", "--config", CONFIG, "--mqtt", "http://x"));
    for (Run r : runs) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(runs.get(0).err()).contains("'soon' is not a duration");
    assertThat(runs.get(1).err()).contains("--speed must be >= 0");
    assertThat(runs.get(2).err()).contains("missing.yaml");
    assertThat(runs.get(3).err()).contains("faults[0].type: unknown fault type 'meteor'");
    assertThat(runs.get(4).err()).contains("tcp://host:port");
  }

  @Test
  void benchSimulatorPrintsItsFigure() {
    Run r = cli("bench", "simulator", "--config", CONFIG, "--seconds", "0.5", "--warmup", "0.2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("simulator: \\d+ readings/s");
  }
}
