package io.greentwin.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.twin.EventKind;
import io.greentwin.twin.TwinEvent;
import java.time.Instant;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.json.FieldType;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.events.ThingEvent;
import org.eclipse.ditto.things.model.signals.events.ThingEventToThingConverter;
import org.junit.jupiter.api.Test;

class EventThingTest {
  static final ThingId ID = ThingId.of("campus.a:rack-01");
  static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
  static final DittoProtocolAdapter PROTOCOL = DittoProtocolAdapter.newInstance();

  @Test
  void normalizesEventsExactlyAsDittosConverterDoes() {
    assertSameAsDitto(EventKind.MODIFIED, "/features/lamp/properties/on", "true");
    assertSameAsDitto(EventKind.CREATED, "/attributes/location", "{\"room\":\"kitchen\"}");
    assertSameAsDitto(EventKind.MODIFIED, "/attributes", "{\"a\":1}");
    assertSameAsDitto(EventKind.MODIFIED, "/features/f", "{\"properties\":{\"x\":1}}");
    assertSameAsDitto(EventKind.MODIFIED, "/features/f/properties", "{\"x\":1}");
    assertSameAsDitto(EventKind.MODIFIED, "/definition", "\"ns:def:1\"");
    assertSameAsDitto(EventKind.MODIFIED, "/policyId", "\"ns:policy\"");
    assertSameAsDitto(
        EventKind.MERGED, "/features/f/properties", "{\"a\":null,\"b\":{\"c\":null,\"d\":2}}");
    assertSameAsDitto(EventKind.MERGED, "/", "{\"attributes\":{\"a\":1,\"z\":null}}");
    assertSameAsDitto(EventKind.MERGED, "/attributes/a", "null");
    assertSameAsDitto(EventKind.DELETED, "/features/f/properties/x", null);
    assertSameAsDitto(EventKind.DELETED, "/", null);
  }

  @Test
  void alsoNormalizesEventsDittos24ConverterLeavesOut() {
    TwinEvent e = event(EventKind.MODIFIED, "/features/f/desiredProperties/x", "21.5");
    assertThat(EventThing.of(e).toJson())
        .isEqualTo(
            JsonFactory.readFrom(
                "{\"thingId\":\"campus.a:rack-01\",\"features\":{\"f\":{\"desiredProperties\":{\"x\":21.5}}}}"));
  }

  static void assertSameAsDitto(EventKind kind, String path, String value) {
    TwinEvent e = event(kind, path, value);
    Thing ours = EventThing.of(e);
    Thing ditto = viaDitto(e);
    assertThat(ours.toJson(FieldType.regularOrSpecial()))
        .as("%s %s", kind, path)
        .isEqualTo(ditto.toJson(FieldType.regularOrSpecial()).remove("_created"));
  }

  static TwinEvent event(EventKind kind, String path, String value) {
    return new TwinEvent(
        ID,
        kind,
        JsonPointer.of(path),
        value == null ? null : JsonFactory.readFrom(value),
        7,
        T,
        "test");
  }

  static Thing viaDitto(TwinEvent e) {
    var events = ProtocolFactory.newTopicPathBuilder(ID).things().twin().events();
    var topic =
        switch (e.kind()) {
          case CREATED -> events.created();
          case MODIFIED -> events.modified();
          case MERGED -> events.merged();
          case DELETED -> events.deleted();
        };
    var payload =
        ProtocolFactory.newPayloadBuilder(e.path()).withRevision(e.revision()).withTimestamp(T);
    if (e.kind() != EventKind.DELETED) {
      payload.withValue(e.value().isNull() ? JsonValue.nullLiteral() : e.value());
    }
    Adaptable a =
        ProtocolFactory.newAdaptableBuilder(topic.build())
            .withPayload(payload.build())
            .withHeaders(DittoHeaders.empty())
            .build();
    ThingEvent<?> event = (ThingEvent<?>) PROTOCOL.fromAdaptable(a);
    return ThingEventToThingConverter.thingEventToThing(event).orElseThrow();
  }
}
