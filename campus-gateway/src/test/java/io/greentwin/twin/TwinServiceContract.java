package io.greentwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingPreconditionFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link TwinService} implementation shares; each runs these tests. */
public abstract class TwinServiceContract {
  static final ThingId RACK = ThingId.of("greentwin.test:b1-h1-r01-k01");
  protected static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  /** A clock tests move by hand. */
  protected static final class TestClock extends Clock {
    public Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  protected final TestClock clock = new TestClock();
  protected TwinService twins;
  protected final List<TwinEvent> seen = new ArrayList<>();

  protected abstract TwinService create(Clock clock) throws Exception;

  @BeforeEach
  void start() throws Exception {
    twins = create(clock);
    twins.subscribe(seen::add);
  }

  @AfterEach
  void stop() {
    if (twins != null) { // null when create() skipped the test (no database here)
      twins.close();
    }
  }

  TwinWriteResult write(TwinWrite w) {
    return twins.write(w).join();
  }

  static JsonPointer p(String path) {
    return JsonPointer.of(path);
  }

  static JsonValue json(String s) {
    return JsonFactory.readFrom(s);
  }

  DittoRuntimeException failure(TwinWrite w) {
    try {
      twins.write(w).join();
    } catch (CompletionException e) {
      return (DittoRuntimeException) e.getCause();
    }
    throw new AssertionError("write should have failed: " + w);
  }

  void createRack() {
    write(
        TwinWrite.put(
            RACK,
            p("/"),
            json(
                """
        {"definition":"brick:ICT_Rack:1.4","attributes":{"name":"k01"},
         "features":{"coolant":{"properties":{"supplyTempC":45.0}}}}"""),
            "test"));
  }

  @Test
  void createsAThingAtRevisionOneWithItsIdAndTimestamps() {
    createRack();
    Thing t = twins.get(RACK).orElseThrow();
    assertThat(t.getEntityId()).contains(RACK);
    assertThat(t.getRevision().orElseThrow().toLong()).isEqualTo(1);
    assertThat(t.getCreated()).contains(T0);
    assertThat(t.getAttributes().orElseThrow().getValue("name")).contains(JsonValue.of("k01"));
    assertThat(seen)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(EventKind.CREATED);
              assertThat(e.revision()).isEqualTo(1);
              assertThat(e.originator()).isEqualTo("test");
            });
  }

  @Test
  void putCreatesThenModifiesAPropertyAndCountsRevisions() {
    createRack();
    clock.now = T0.plusSeconds(5);
    JsonPointer prop = p("/features/coolant/properties/returnTempC");
    assertThat(write(TwinWrite.put(RACK, prop, JsonValue.of(55.2), "s")).created()).isTrue();
    TwinWriteResult second = write(TwinWrite.put(RACK, prop, JsonValue.of(55.9), "s"));
    assertThat(second.created()).isFalse();
    assertThat(second.event().kind()).isEqualTo(EventKind.MODIFIED);
    Thing t = twins.get(RACK).orElseThrow();
    assertThat(t.getRevision().orElseThrow().toLong()).isEqualTo(3);
    assertThat(t.getModified()).contains(T0.plusSeconds(5));
    assertThat(t.getCreated()).contains(T0);
    assertThat(t.toJson().getValue(prop)).contains(JsonValue.of(55.9));
  }

  @Test
  void mergePatchSetsAndRemovesKeys() {
    createRack();
    write(
        TwinWrite.merge(
            RACK,
            p("/features/coolant/properties"),
            json("{\"supplyTempC\":null,\"flowM3h\":3.1}"),
            "s"));
    JsonObject props =
        twins
            .get(RACK)
            .orElseThrow()
            .toJson()
            .getValue(p("/features/coolant/properties"))
            .orElseThrow()
            .asObject();
    assertThat(props.contains("supplyTempC")).isFalse();
    assertThat(props.getValue("flowM3h")).contains(JsonValue.of(3.1));
    assertThat(seen.get(1).kind()).isEqualTo(EventKind.MERGED);
  }

  @Test
  void missingThingOrPathFailsWithDittosErrorAndChangesNothing() {
    assertThat(
            failure(TwinWrite.put(RACK, p("/attributes/x"), JsonValue.of(1), "s")).getErrorCode())
        .isEqualTo("things:thing.notfound");
    createRack();
    assertThat(failure(TwinWrite.delete(RACK, p("/attributes/nope"), "s")).getErrorCode())
        .isEqualTo("things:attribute.notfound");
    assertThat(
            failure(TwinWrite.delete(RACK, p("/features/fan/properties/rpm"), "s")).getErrorCode())
        .isEqualTo("things:feature.property.notfound");
    assertThat(twins.get(RACK).orElseThrow().getRevision().orElseThrow().toLong()).isEqualTo(1);
    assertThat(seen).hasSize(1);
  }

  @Test
  void writingBelowAMissingFeatureIsFeatureNotFound() {
    createRack();
    assertThat(
            failure(TwinWrite.put(RACK, p("/features/fan/properties/rpm"), JsonValue.of(1), "s"))
                .getErrorCode())
        .isEqualTo("things:feature.notfound");
    assertThat(seen).hasSize(1);
  }

  @Test
  void aMergeCannotChangeTheThingId() {
    createRack();
    DittoRuntimeException e =
        failure(TwinWrite.merge(RACK, p("/"), json("{\"thingId\":\"greentwin.test:other\"}"), "s"));
    assertThat(e.getErrorCode()).isEqualTo("things:id.notsettable");
    assertThat(twins.get(RACK).orElseThrow().getEntityId()).contains(RACK);
  }

  @Test
  void invalidValueIsRejectedAndNothingChanges() {
    createRack();
    DittoRuntimeException e = failure(TwinWrite.put(RACK, p("/attributes"), JsonValue.of(5), "s"));
    assertThat(e.getHttpStatus().getCode()).isEqualTo(400);
    assertThat(twins.get(RACK).orElseThrow().getRevision().orElseThrow().toLong()).isEqualTo(1);
  }

  @Test
  void failedPreconditionChangesNothingAndEmitsNoEvent() {
    createRack();
    TwinWrite w =
        TwinWrite.put(RACK, p("/attributes/name"), JsonValue.of("x"), "s")
            .when(
                current -> {
                  throw ThingPreconditionFailedException.newBuilder(
                          "If-Match", "\"rev:7\"", "\"rev:1\"")
                      .build();
                });
    assertThat(failure(w).getErrorCode()).isEqualTo("things:precondition.failed");
    assertThat(seen).hasSize(1);
    assertThat(twins.get(RACK).orElseThrow().getAttributes().orElseThrow().getValue("name"))
        .contains(JsonValue.of("k01"));
  }

  @Test
  void historyByRevisionAndTimeAndCampusSnapshot() {
    createRack();
    for (int i = 1; i <= 5; i++) {
      clock.now = T0.plusSeconds(60L * i);
      write(
          TwinWrite.put(
              RACK, p("/features/coolant/properties/supplyTempC"), JsonValue.of(45.0 + i), "s"));
    }
    JsonPointer supply = p("/features/coolant/properties/supplyTempC");
    assertThat(twins.getAtRevision(RACK, 3).orElseThrow().toJson().getValue(supply))
        .contains(JsonValue.of(47.0));
    assertThat(twins.getAtTime(RACK, T0.plusSeconds(150)).orElseThrow().toJson().getValue(supply))
        .contains(JsonValue.of(47.0));
    assertThat(twins.getAtTime(RACK, T0.minusSeconds(1))).isEmpty();
    assertThat(twins.events(RACK, 2, 4))
        .extracting(TwinEvent::revision)
        .containsExactly(2L, 3L, 4L);
    assertThat(twins.snapshotAt(T0.plusSeconds(60)).get(RACK).toJson().getValue(supply))
        .contains(JsonValue.of(46.0));
  }

  @Test
  void eventsOfEveryThingInATimeWindowInCommitOrder() {
    createRack();
    ThingId other = ThingId.of("greentwin.test:b1-h1-r01-k02");
    JsonPointer supply = p("/features/coolant/properties/supplyTempC");
    for (int i = 1; i <= 3; i++) {
      clock.now = T0.plusSeconds(60L * i);
      write(TwinWrite.put(RACK, supply, JsonValue.of(45.0 + i), "s"));
      write(TwinWrite.put(other, p("/"), json("{\"attributes\":{\"i\":" + i + "}}"), "s"));
    }
    List<TwinEvent> window = twins.eventsBetween(T0.plusSeconds(60), T0.plusSeconds(120), 100);
    assertThat(window)
        .extracting(e -> e.thingId().getName() + "@" + e.revision())
        .containsExactly(
            "b1-h1-r01-k01@2", "b1-h1-r01-k02@1", "b1-h1-r01-k01@3", "b1-h1-r01-k02@2");
    assertThat(twins.eventsBetween(T0.plusSeconds(60), T0.plusSeconds(120), 3)).hasSize(3);
    assertThat(twins.eventsBetween(T0.plusSeconds(181), T0.plusSeconds(999), 100)).isEmpty();
  }

  @Test
  void deletedThingIsGoneButItsHistoryRemains() {
    createRack();
    clock.now = T0.plusSeconds(10);
    write(TwinWrite.delete(RACK, p("/"), "s"));
    assertThat(twins.get(RACK)).isEmpty();
    assertThat(twins.all()).isEmpty();
    assertThat(twins.getAtTime(RACK, T0.plusSeconds(5))).isPresent();
    assertThat(seen.get(1).kind()).isEqualTo(EventKind.DELETED);
  }
}
