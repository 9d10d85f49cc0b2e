package io.greentwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayCommandTest {
  @Test
  void aMissingFileIsAUserErrorWithOneClearLine() {
    CliRun r = CliRun.of("replay", "no-such-readings.jsonl", "--speed", "10");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-readings.jsonl: no such file").doesNotContain("\tat ");
  }

  @Test
  void aNegativeSpeedIsRefused() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("readings", ".jsonl");
    try {
      CliRun r = CliRun.of("replay", f.toString(), "--speed", "-1");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("--speed must be >= 0");
    } finally {
      java.nio.file.Files.delete(f);
    }
  }
}
