package io.greentwin.auth;

import io.greentwin.store.TwinDatabase;
import io.greentwin.testsupport.PostgresDatabases;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/** The policy durability contract on a real PostgreSQL, with the same Flyway schema as H2. */
class PostgresPolicyStoreIT extends PolicyStoreDurabilityContract {
  private String url;
  private TwinDatabase db;

  @Override
  protected DataSource openDatabase() throws Exception {
    if (url == null) {
      Optional<String> fresh = PostgresDatabases.freshDatabase();
      Assumptions.assumeTrue(fresh.isPresent(), PostgresDatabases.whyNone());
      url = fresh.get();
    }
    db = TwinDatabase.of(url, null, null);
    return db.dataSource();
  }

  @Override
  protected void closeDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @AfterEach
  void dropDatabase() throws Exception {
    closeDatabase();
    if (url != null) {
      PostgresDatabases.drop(url);
    }
  }
}
