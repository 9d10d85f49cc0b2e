package io.greentwin.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.ditto.base.model.exceptions.InvalidRqlExpressionException;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.junit.jupiter.api.Test;

/** Which events a {@code START-SEND-EVENTS} subscriber receives, and how they look. */
class EventSubscriptionTest {
  private static final ThingId RACK = ThingId.of("greentwin.test", "rack-1");
  private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
  private static final Thing CURRENT =
      ThingsModelFactory.newThing(
          JsonObject.of(
              "{\"thingId\":\"greentwin.test:rack-1\",\"attributes\":{\"hall\":\"B1\",\"count\":50},"
                  + "\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":31.0}}}}"));

  private static EventSubscription subscription(String query) {
    return EventSubscription.of(ControlMessage.parse("START-SEND-EVENTS?" + query).orElseThrow());
  }

  private static TwinEvent modified(String path, JsonValue value) {
    return new TwinEvent(RACK, EventKind.MODIFIED, JsonPointer.of(path), value, 7, T, "test");
  }

  private static Optional<Adaptable> render(EventSubscription s, TwinEvent e) {
    return s.render(e, id -> Optional.of(CURRENT));
  }

  @Test
  void theFilterSeesOnlyTheChangedData() {
    EventSubscription s = subscription("filter=gt(attributes/count,42)");
    assertThat(render(s, modified("/attributes/count", JsonValue.of(43)))).isPresent();
    assertThat(render(s, modified("/attributes/count", JsonValue.of(41)))).isEmpty();
    // count is 50 in the current state, but this change did not touch it
    assertThat(render(s, modified("/attributes/hall", JsonValue.of("B2")))).isEmpty();
  }

  @Test
  void extraFieldsAreAddedToTheEventAndVisibleToTheFilter() {
    EventSubscription s =
        subscription("filter=eq(attributes/hall,%22B1%22)&extraFields=attributes/hall");
    Adaptable event =
        render(s, modified("/features/coolant/properties/supplyTempC", JsonValue.of(32.5)))
            .orElseThrow();
    assertThat(event.getPayload().getExtra())
        .contains(JsonObject.of("{\"attributes\":{\"hall\":\"B1\"}}"));
    assertThat(event.getPayload().getValue()).contains(JsonValue.of(32.5));
    assertThat(event.getPayload().getRevision()).hasValue(7L);
    assertThat(event.getPayload().getTimestamp()).contains(T);
    assertThat(event.getTopicPath().getPath())
        .isEqualTo("greentwin.test/rack-1/things/twin/events/modified");
  }

  @Test
  void namespacesRestrictTheThingsWhoseEventsArrive() {
    EventSubscription s = subscription("namespaces=greentwin.other,greentwin.more");
    assertThat(s.includes(RACK)).isFalse();
    assertThat(render(s, modified("/attributes/count", JsonValue.of(1)))).isEmpty();
    assertThat(subscription("namespaces=greentwin.test").includes(RACK)).isTrue();
  }

  @Test
  void topicAndResourcePlaceholdersSelectByActionAndPath() {
    EventSubscription deletions =
        subscription("filter=and(eq(topic:action,%22deleted%22),eq(resource:path,%22/%22))");
    TwinEvent deleted =
        new TwinEvent(RACK, EventKind.DELETED, JsonPointer.empty(), null, 8, T, "test");
    assertThat(render(deletions, deleted).map(a -> a.getTopicPath().getPath()))
        .contains("greentwin.test/rack-1/things/twin/events/deleted");
    assertThat(render(deletions, modified("/attributes/count", JsonValue.of(1)))).isEmpty();
  }

  @Test
  void aMergeIsFilteredOnItsPatch() {
    EventSubscription s = subscription("filter=exists(features/coolant)");
    TwinEvent merged =
        new TwinEvent(
            RACK,
            EventKind.MERGED,
            JsonPointer.of("/features"),
            JsonObject.of("{\"coolant\":{\"properties\":{\"supplyTempC\":null}}}"),
            9,
            T,
            "test");
    Adaptable event = render(s, merged).orElseThrow();
    assertThat(event.getTopicPath().getPath())
        .isEqualTo("greentwin.test/rack-1/things/twin/events/merged");
    assertThat(event.getDittoHeaders().getContentType()).contains("application/merge-patch+json");
  }

  @Test
  void anInvalidFilterIsDittosInvalidRqlErrorWithTheCorrelationId() {
    assertThatThrownBy(() -> subscription("correlation-id=x-1&filter=gt(attributes/count"))
        .isInstanceOfSatisfying(
            InvalidRqlExpressionException.class,
            e -> assertThat(e.getDittoHeaders().getCorrelationId()).contains("x-1"));
  }
}
