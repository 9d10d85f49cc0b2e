package io.greentwin.auth;

import io.greentwin.store.TwinDatabase;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** Policies in the H2 twin database survive a restart. */
class H2PolicyStoreTest extends PolicyStoreDurabilityContract {
  @TempDir Path dir;
  private TwinDatabase db;

  @Override
  protected DataSource openDatabase() {
    db = TwinDatabase.h2(dir);
    return db.dataSource();
  }

  @Override
  protected void closeDatabase() {
    if (db != null) {
      db.close();
    }
  }
}
