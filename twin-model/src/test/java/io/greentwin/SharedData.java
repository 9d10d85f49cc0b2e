package io.greentwin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference data in {@code ../shared/data} (see its NOTICE.md), located by the system property
 * {@code greentwin.shared.dir} that Surefire sets. Tests that need a file skip when it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The file under {@code <shared>/data/}, or a skipped test when it is not there. */
  public static Path require(String relativePath) {
    String dir = System.getProperty("greentwin.shared.dir", "../shared");
    Path file = Path.of(dir, "data", relativePath);
    assumeTrue(
        Files.isRegularFile(file),
        () -> "reference data " + file + " absent: skipping (see shared/data/NOTICE.md)");
    return file;
  }
}
