package io.greentwin.jobs.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;

/**
 * Checkpoints an embedded job retains in a directory so that, killed (SIGKILL, power cut), it
 * resumes where it was on its next start: Flink writes {@code <dir>/<job id>/chk-<n>/} with a
 * {@code _metadata} file once checkpoint {@code n} is complete, and keeps it when the job is
 * cancelled or dies ({@code RETAIN_ON_CANCELLATION}). The next start restores the newest complete
 * one ({@code execution.state-recovery.path}). A bounded job that finishes deletes its own
 * checkpoints; {@link #clear} then removes those of the runs it resumed from.
 */
public final class Checkpoints {
  private static final String METADATA = "_metadata";
  private static final int CLEAR_ATTEMPTS = 5;

  private Checkpoints() {}

  /**
   * The newest complete checkpoint under {@code dir} (a {@code chk-<n>} directory holding {@code
   * _metadata}, newest by that file's time, then by {@code n}), of any job; empty when there is
   * none or {@code dir} does not exist.
   */
  public static Optional<Path> latestRetained(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> found = Files.find(dir, 2, (p, a) -> isComplete(p))) {
      return found.max(
          Comparator.comparing(Checkpoints::metadataTime).thenComparingLong(Checkpoints::number));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
  }

  /**
   * A configuration that checkpoints into {@code dir}, retains checkpoints when the job is
   * cancelled or killed, and restores the newest retained one ({@link #latestRetained}) if any.
   * Give it to {@code StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf)}; the
   * job's graph (operator uids) must be the one that wrote the checkpoint.
   */
  public static Configuration retainedIn(Path dir) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toAbsolutePath().toUri().toString());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    latestRetained(dir)
        .ifPresent(chk -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, chk.toUri().toString()));
    return conf;
  }

  /** The checkpoint {@link #retainedIn} restores, for telling the user. */
  public static Optional<Path> resumesFrom(Configuration conf) {
    return conf.getOptional(StateRecoveryOptions.SAVEPOINT_PATH)
        .map(u -> Path.of(java.net.URI.create(u)));
  }

  /**
   * Deletes every checkpoint under {@code dir}, keeping {@code dir}: nothing left to resume. Flink
   * may still be discarding a finished job's checkpoints on its own I/O threads while this runs, so
   * files that vanish under the walk are skipped, and a directory that is not yet empty (Flink was
   * still writing into it) is walked again, up to {@value #CLEAR_ATTEMPTS} times.
   */
  public static void clear(Path dir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        deleteBelow(dir);
        return;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == CLEAR_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void deleteBelow(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            if (!d.equals(dir)) {
              Files.deleteIfExists(d);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Deletes every job's checkpoints under {@code dir} but those of {@code keep} (a job directory,
   * {@code <dir>/<job id>}): what an earlier run left that nothing will resume from.
   */
  public static void pruneExcept(Path dir, Optional<Path> keep) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> jobs;
    try (Stream<Path> list = Files.list(dir)) {
      jobs = list.filter(p -> keep.map(k -> !isSameFile(k, p)).orElse(true)).toList();
    }
    for (Path job : jobs) {
      if (Files.isDirectory(job)) {
        clear(job);
      }
      Files.deleteIfExists(job);
    }
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isComplete(Path p) {
    return p.getFileName().toString().startsWith("chk-")
        && Files.isRegularFile(p.resolve(METADATA))
        && number(p) >= 0;
  }

  private static FileTime metadataTime(Path chk) {
    try {
      return Files.getLastModifiedTime(chk.resolve(METADATA));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long number(Path chk) {
    try {
      return Long.parseLong(chk.getFileName().toString().substring("chk-".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
