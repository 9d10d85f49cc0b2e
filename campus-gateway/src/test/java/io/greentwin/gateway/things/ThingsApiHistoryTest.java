package io.greentwin.gateway.things;

import static io.greentwin.gateway.things.GatewayFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.things.GatewayFixture.Response;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Point-in-time reads ({@code at-historical-revision}, {@code at-historical-timestamp}) of a thing
 * and its sub-resources, with fields and ETags as for the latest state.
 */
class ThingsApiHistoryTest {
  static final String RACK = "greentwin.test:k01";
  static final String URI = "/api/2/things/" + RACK;
  static final String SUPPLY = URI + "/features/coolant/properties/supplyTempC";

  final GatewayFixture gw = new GatewayFixture();

  /** Revision r (1..4) was written at T0 + 60 (r - 1) s with supplyTempC = 44 + r. */
  @BeforeEach
  void writeFourRevisions() {
    gw.put(URI, "{\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":45}}}}");
    for (int r = 2; r <= 4; r++) {
      gw.clock.set(T0.plusSeconds(60L * (r - 1)));
      gw.put(SUPPLY, String.valueOf(44 + r));
    }
    gw.clock.set(T0.plusSeconds(600));
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  @Test
  void readAtAHistoricalRevisionReturnsTheThingAsItWasWithThatRevisionsETag() {
    Response r = gw.get(URI + "?fields=features,_revision", "at-historical-revision", "2");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.etag()).isEqualTo("\"rev:2\"");
    assertThat(r.json())
        .isEqualTo(
            JsonFactory.readFrom(
                "{\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":46}}},\"_revision\":2}"));
    assertThat(gw.get(SUPPLY).json()).isEqualTo(JsonValue.of(48));
  }

  @Test
  void subResourceIsReadAtAHistoricalRevision() {
    assertThat(gw.get(SUPPLY, "at-historical-revision", "3").json()).isEqualTo(JsonValue.of(47));
    assertThat(gw.get(URI + "/features/coolant/properties", "at-historical-revision", "1").json())
        .isEqualTo(JsonFactory.readFrom("{\"supplyTempC\":45}"));
  }

  @Test
  void readAtAHistoricalTimestampReturnsTheLastRevisionAtOrBeforeIt() {
    assertThat(gw.get(SUPPLY, "at-historical-timestamp", "2026-05-01T10:01:30Z").json())
        .isEqualTo(JsonValue.of(46));
    assertThat(gw.get(SUPPLY, "at-historical-timestamp", "2026-05-01T12:02:00+02:00").json())
        .isEqualTo(JsonValue.of(47));
    Response atRev3 = gw.get(URI, "at-historical-timestamp", "2026-05-01T10:02:59Z");
    assertThat(atRev3.etag()).isEqualTo("\"rev:3\"");
  }

  @Test
  void readBeforeTheThingExistedIs404ThingNotFound() {
    Response r = gw.get(URI, "at-historical-timestamp", "2026-05-01T09:59:59Z");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("things:thing.notfound");
    assertThat(gw.get(URI, "at-historical-revision", "0").error())
        .isEqualTo("things:thing.notfound");
  }

  @Test
  void subResourceMissingAtThatPointIs404WithItsOwnError() {
    gw.put(URI + "/attributes/name", "\"k01\"");

    Response r = gw.get(URI + "/attributes/name", "at-historical-revision", "4");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("things:attributes.notfound");
  }

  @Test
  void deletedThingRemainsReadableAtAnEarlierPoint() {
    gw.delete(URI);

    assertThat(gw.get(URI).status()).isEqualTo(404);
    assertThat(gw.get(SUPPLY, "at-historical-revision", "4").json()).isEqualTo(JsonValue.of(48));
  }
}
