package io.greentwin.jobs.timeseries;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The time-series store contract on an H2 file, the default store. */
class H2TimeSeriesStoreTest extends TimeSeriesStoreContract {
  @TempDir Path dir;

  @Override
  protected TimeSeriesConfig newDatabase() {
    return TimeSeriesConfig.h2(dir);
  }
}
