package io.greentwin.jobs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the checkpoint to resume from in a directory of retained checkpoints. */
class CheckpointsTest {
  @TempDir Path dir;

  private Path checkpoint(String job, int n, Instant written, boolean complete) throws Exception {
    Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + n));
    if (complete) {
      Path metadata = Files.writeString(chk.resolve("_metadata"), "m");
      Files.setLastModifiedTime(metadata, FileTime.from(written));
    }
    return chk;
  }

  @Test
  void resumesFromTheNewestCompleteCheckpointOfAnyJob() throws Exception {
    Instant t = Instant.parse("2026-12-05T00:00:00Z");
    checkpoint("job-a", 7, t, true);
    Path newest = checkpoint("job-b", 3, t.plusSeconds(5), true);
    checkpoint("job-b", 4, t.plusSeconds(9), false); // in progress when the JVM was killed
    Files.createDirectories(dir.resolve("job-b").resolve("shared"));

    assertThat(Checkpoints.latestRetained(dir)).contains(newest);
    Configuration conf = Checkpoints.retainedIn(dir);
    assertThat(Checkpoints.resumesFrom(conf)).contains(newest.toAbsolutePath());
    assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).startsWith("file:");
  }

  @Test
  void startsFreshWithoutACompleteCheckpointAndAfterClear() throws Exception {
    assertThat(Checkpoints.latestRetained(dir.resolve("absent"))).isEmpty();
    checkpoint("job-a", 1, Instant.now(), false);
    assertThat(Checkpoints.resumesFrom(Checkpoints.retainedIn(dir))).isEmpty();
    checkpoint("job-a", 2, Instant.now(), true);
    assertThat(Checkpoints.latestRetained(dir)).isPresent();
    Checkpoints.clear(dir);
    assertThat(Checkpoints.latestRetained(dir)).isEmpty();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void pruningKeepsOnlyTheJobResumedFrom() throws Exception {
    Instant t = Instant.parse("2026-12-05T00:00:00Z");
    checkpoint("job-a", 7, t, true);
    Path newest = checkpoint("job-b", 3, t.plusSeconds(5), true);
    checkpoint("job-c", 1, t.plusSeconds(1), false);
    Path resume = Checkpoints.latestRetained(dir).orElseThrow();

    Checkpoints.pruneExcept(dir, java.util.Optional.of(resume.getParent()));

    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(dir.resolve("job-b"));
    }
    assertThat(Checkpoints.latestRetained(dir)).contains(newest);
    Checkpoints.pruneExcept(dir, java.util.Optional.empty());
    assertThat(dir).isEmptyDirectory();
  }

  /**
   * A finished job's checkpoints are still being discarded by Flink's I/O threads when the replay
   * clears them (a CI run saw {@code chk-19/_metadata} vanish under the walk): clearing races with
   * another deleter and still leaves nothing behind.
   */
  @Test
  void clearingRacesWithFlinkDiscardingTheSameCheckpoints() throws Exception {
    for (int round = 0; round < 20; round++) {
      Instant t = Instant.parse("2026-12-05T00:00:00Z");
      java.util.List<Path> chks = new java.util.ArrayList<>();
      for (int n = 0; n < 40; n++) {
        Path chk = checkpoint("job-" + round, n, t.plusSeconds(n), true);
        for (int f = 0; f < 5; f++) {
          Files.writeString(chk.resolve("state-" + f), "s");
        }
        chks.add(chk);
      }
      Thread discarder =
          new Thread(
              () -> {
                for (Path chk : chks) {
                  try (var files = Files.list(chk)) {
                    for (Path f : files.toList()) {
                      Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(chk);
                  } catch (java.io.IOException vanished) {
                    // the clear took it first
                  }
                }
              });
      discarder.start();
      Checkpoints.clear(dir);
      discarder.join();
      Checkpoints.clear(dir);
      assertThat(dir).isEmptyDirectory();
    }
  }
}
