package io.greentwin.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.testsupport.PostgresDatabases;
import io.greentwin.twin.TwinService;
import io.greentwin.twin.TwinServiceContractAccess;
import io.greentwin.twin.TwinWrite;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The same store contract on a real PostgreSQL, with the same Flyway schema as H2. */
class PostgresTwinStoreIT extends TwinServiceContractAccess {
  private String url;

  @Override
  protected TwinService create(Clock clock) throws Exception {
    Optional<String> db = PostgresDatabases.freshDatabase();
    Assumptions.assumeTrue(db.isPresent(), PostgresDatabases.whyNone());
    url = db.get();
    return JournalTwinService.open(TwinDatabase.of(url, null, null), clock, 3);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (url != null) {
      twins.close();
      PostgresDatabases.drop(url);
    }
  }

  @Test
  void restartOnPostgresRecoversTheAcknowledgedState() {
    ThingId a = ThingId.of("greentwin.test:pg");
    JsonPointer p = JsonPointer.of("/attributes/n");
    twins.write(TwinWrite.put(a, JsonPointer.empty(), JsonObject.empty(), "t")).join();
    for (int i = 0; i < 7; i++) {
      twins.write(TwinWrite.put(a, p, JsonValue.of(i), "t")).join();
    }
    twins.close();
    twins = JournalTwinService.open(TwinDatabase.of(url, null, null), clock, 3);
    assertThat(twins.get(a).orElseThrow().getRevision().orElseThrow().toLong()).isEqualTo(8);
    assertThat(twins.getAtRevision(a, 4).orElseThrow().toJson().getValue(p))
        .contains(JsonValue.of(2));
  }
}
