package io.greentwin.jobs.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failed commits the writer retries on a connection that is still valid. */
class TimeSeriesWriterRetryTest {
  @Test
  void connectionTransientAndRollbackFailuresAreRetried() {
    assertThat(TimeSeriesWriter.transientFailure(new SQLTransientConnectionException("reset")))
        .isTrue();
    assertThat(TimeSeriesWriter.transientFailure(new SQLException("gone", "08006"))).isTrue();
    assertThat(TimeSeriesWriter.transientFailure(new SQLException("deadlock", "40P01"))).isTrue();
  }

  @Test
  void dataAndConstraintFailuresAreNot() {
    assertThat(
            TimeSeriesWriter.transientFailure(
                new SQLIntegrityConstraintViolationException("dup", "23505")))
        .isFalse();
    assertThat(TimeSeriesWriter.transientFailure(new SQLException("disk full", "53100"))).isFalse();
    assertThat(TimeSeriesWriter.transientFailure(new SQLException("no state"))).isFalse();
  }
}
