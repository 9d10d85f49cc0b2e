package io.greentwin.store;

import io.greentwin.testsupport.PostgresDatabases;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Campus snapshots on a real PostgreSQL equal the in-memory service's at every time, before and
 * after a restart (which reads each twin's snapshot from the journal: on PostgreSQL one statement
 * for all twins, {@link SnapshotReads}).
 */
class PostgresCampusSnapshotIT {
  private String url;

  @AfterEach
  void dropDatabase() throws Exception {
    if (url != null) {
      PostgresDatabases.drop(url);
    }
  }

  @Test
  void snapshotsAtEveryTimeMatchTheInMemoryServiceBeforeAndAfterARestart() throws Exception {
    Optional<String> db = PostgresDatabases.freshDatabase();
    Assumptions.assumeTrue(db.isPresent(), PostgresDatabases.whyNone());
    url = db.get();
    CampusSnapshotTest.snapshotsMatchTheInMemoryService(() -> TwinDatabase.of(url, null, null));
  }
}
