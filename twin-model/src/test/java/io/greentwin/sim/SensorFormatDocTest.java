package io.greentwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.campus.AssetKind;
import io.greentwin.campus.PointSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/SENSOR-FORMAT.md lists exactly the sensors the code declares, so it cannot rot. */
class SensorFormatDocTest {
  @Test
  void pointTableMatchesEveryAssetKind() throws Exception {
    String doc =
        Files.readString(
            Path.of(System.getProperty("greentwin.repo.dir", ".."), "docs", "SENSOR-FORMAT.md"));
    for (AssetKind k : AssetKind.values()) {
      String row =
          doc.lines()
              .filter(l -> l.startsWith("| " + k.name().toLowerCase().replace('_', '-') + " |"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no row for " + k));
      assertThat(row).contains("`" + k.definition() + "`");
      for (PointSpec p : k.points()) {
        assertThat(row).contains("`" + p.path() + "` (" + p.unit().ucum() + ")");
      }
      long listed = row.chars().filter(c -> c == '(').count();
      assertThat(listed).as(k.name()).isLessThanOrEqualTo(k.points().size() + 1);
    }
  }
}
