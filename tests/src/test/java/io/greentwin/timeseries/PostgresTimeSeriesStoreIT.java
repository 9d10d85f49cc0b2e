package io.greentwin.timeseries;

import io.greentwin.jobs.timeseries.TimeSeriesConfig;
import io.greentwin.jobs.timeseries.TimeSeriesStoreContract;
import io.greentwin.testsupport.PostgresDatabases;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The time-series store contract on a real PostgreSQL (binary COPY), in a fresh database. */
class PostgresTimeSeriesStoreIT extends TimeSeriesStoreContract {
  private String url;

  @Override
  protected TimeSeriesConfig newDatabase() throws Exception {
    Optional<String> db = PostgresDatabases.freshDatabase();
    Assumptions.assumeTrue(db.isPresent(), PostgresDatabases.whyNone());
    url = db.get();
    return TimeSeriesConfig.of(url);
  }

  @Override
  protected void dropDatabase() throws Exception {
    if (url != null) {
      PostgresDatabases.drop(url);
    }
  }
}
