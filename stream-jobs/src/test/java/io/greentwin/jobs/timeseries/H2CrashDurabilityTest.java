package io.greentwin.jobs.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.jobs.deadletter.DeadLetterTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit of the time-series writer on the default H2 file store survives the process dying right
 * after it returns: the sink commits at every Flink checkpoint, and a job restored from that
 * checkpoint never writes those rows again. A child JVM commits and halts at once (no shutdown
 * hook, no close), as a SIGKILL would leave it.
 */
class H2CrashDurabilityTest {
  private static final long T0 = 1_777_629_600_000L; // 2026-05-01T10:00:00Z
  private static final Samples RACK =
      Samples.regular("campus.a:rack-01", "powerKw", T0, T0 + 3_600_000, 10_000, 1);

  @TempDir Path dir;

  /** The child: commits {@link #RACK} into the store at {@code args[0]} and halts. */
  public static void main(String[] args) throws Exception {
    TimeSeriesWriter writer = TimeSeriesWriter.open(TimeSeriesConfig.h2(Path.of(args[0])), 0, 1);
    RACK.rows(Long.MAX_VALUE).forEach(writer::add);
    writer.commit(Long.MAX_VALUE);
    Runtime.getRuntime().halt(3);
  }

  @Test
  void aCommitIsInTheFileWhenItReturns() throws Exception {
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    H2CrashDurabilityTest.class.getName(),
                    dir.toString()))
            .inheritIO()
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("halted right after the commit").isEqualTo(3);

    TimeSeriesReader reader =
        new TimeSeriesReader(TimeSeriesDatabase.dataSource(TimeSeriesConfig.h2(dir)));
    List<TimeSeriesReader.Point> points =
        reader
            .read(RACK.thingId(), RACK.feature(), RACK.property(), T0, T0 + 3_600_000, 3_600_000)
            .orElseThrow(() -> new AssertionError("the series was lost with the process"));
    assertThat(points).hasSize(1);
    assertThat(points.get(0).aggregate().count()).isEqualTo(360);
  }

  @Test
  void theDeadLetterStoreWritesThroughAsWell() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("dead-letters").toAbsolutePath();
    DeadLetterTable.createIfAbsent(url);
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("0");
    }
  }
}
