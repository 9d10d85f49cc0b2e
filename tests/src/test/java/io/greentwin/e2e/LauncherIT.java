package io.greentwin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./greentwin} launcher, run as a person runs it, from the repository root. */
class LauncherIT {
  private static final Path REPO = Path.of(System.getProperty("greentwin.repo.dir", ".."));

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private Result run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", REPO.resolve("greentwin").toString()));
    cmd.addAll(List.of(args));
    File out = dir.resolve("out.txt").toFile();
    File err = dir.resolve("err.txt").toFile();
    Process p =
        new ProcessBuilder(cmd)
            .directory(REPO.toFile())
            .redirectOutput(out)
            .redirectError(err)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  @Test
  void simulateStreamsJsonLinesFromTheRepositoryRoot() throws Exception {
    Result r = run("simulate", "--duration", "1m", "--speed", "0", "--seed", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(2 * 17_862);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("{\"thingId\":\"greentwin.xianghe:");
  }

  @Test
  void aUserErrorExitsWithCodeTwoAndOneClearLine() throws Exception {
    Result r = run("simulate", "--interval", "-5s");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
