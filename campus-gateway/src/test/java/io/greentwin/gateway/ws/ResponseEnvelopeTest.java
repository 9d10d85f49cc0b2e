package io.greentwin.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.eclipse.ditto.base.model.common.HttpStatus;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.headers.DittoHeadersBuilder;
import org.eclipse.ditto.base.model.headers.entitytag.EntityTag;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.Payload;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.ThingsModelFactory;
import org.eclipse.ditto.things.model.signals.commands.ThingCommand;
import org.eclipse.ditto.things.model.signals.commands.modify.CreateThing;
import org.eclipse.ditto.things.model.signals.commands.modify.DeleteAttribute;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyAttribute;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;
import org.eclipse.ditto.things.model.signals.commands.query.RetrieveFeature;
import org.junit.jupiter.api.Test;

/**
 * The responses and resource paths the WebSocket builds directly are exactly what Ditto's own
 * protocol adapter and commands give (the JSON compared as JSON).
 */
class ResponseEnvelopeTest {
  private static final ThingId ID = ThingId.of("greentwin.test", "rack-1");

  private static final List<DittoHeaders> HEADERS =
      List.of(
          DittoHeaders.newBuilder().correlationId("c-1").responseRequired(true).build(),
          DittoHeaders.newBuilder().correlationId("quote \" slash \\ é ✓").build(),
          DittoHeaders.newBuilder().correlationId("tab\tnew line\nbell\u0007").build(),
          DittoHeaders.newBuilder().responseRequired(true).build());

  private static final List<CommandReply> REPLIES =
      List.of(
          CommandReply.noContent(Optional.empty()),
          CommandReply.noContent(Optional.of(EntityTag.fromString("\"rev:7\""))),
          CommandReply.of(
              HttpStatus.CREATED,
              JsonValue.of(21.5),
              Optional.of(EntityTag.fromString("\"rev:2\""))),
          CommandReply.of(
              HttpStatus.OK,
              JsonObject.of("{\"properties\":{\"a\":[1,{\"b\":null}],\"s\":\"x\\\"y\"}}"),
              Optional.empty()));

  @Test
  void responsesAreWhatDittosAdapterWrites() {
    for (DittoHeaders h : HEADERS) {
      for (ThingCommand<?> cmd : commands(h)) {
        Adaptable request = Envelopes.ADAPTER.toAdaptable(cmd);
        for (CommandReply reply : REPLIES) {
          assertThat(JsonObject.of(Envelopes.response(request, reply)))
              .as("%s %s", cmd.getType(), reply)
              .isEqualTo(JsonObject.of(viaDitto(request, reply)));
        }
      }
    }
  }

  @Test
  void resourcePathsAreDittos() {
    for (ThingCommand<?> cmd : commands(DittoHeaders.empty())) {
      assertThat((Object) TwinCommands.resourcePath(cmd)).isEqualTo(cmd.getResourcePath());
    }
  }

  private static List<ThingCommand<?>> commands(DittoHeaders h) {
    JsonPointer deep = JsonPointer.of("/a/b~1c/d~0e");
    return List.of(
        ModifyFeatureProperty.of(ID, "coolant", JsonPointer.of("supplyTempC"), JsonValue.of(1), h),
        ModifyFeatureProperty.of(ID, "cool-ant_2", deep, JsonValue.of(1), h),
        ModifyAttribute.of(ID, JsonPointer.of("hall"), JsonValue.of("B1"), h),
        ModifyAttribute.of(ID, deep, JsonValue.of("B1"), h),
        DeleteAttribute.of(ID, JsonPointer.of("hall"), h),
        RetrieveFeature.of(ID, "coolant", h),
        CreateThing.of(ThingsModelFactory.newThingBuilder().setId(ID).build(), null, h));
  }

  /** The response as the gateway built it with Ditto's builders before rendering it directly. */
  private static String viaDitto(Adaptable request, CommandReply reply) {
    DittoHeadersBuilder<?, ?> h = DittoHeaders.newBuilder().responseRequired(false);
    request.getDittoHeaders().getCorrelationId().ifPresent(h::correlationId);
    reply.value().ifPresent(v -> h.contentType("application/json"));
    reply.etag().ifPresent(h::eTag);
    Payload payload =
        ProtocolFactory.newPayloadBuilder(request.getPayload().getPath())
            .withStatus(reply.status())
            .withValue(reply.value().orElse(null))
            .build();
    return Envelopes.json(
        ProtocolFactory.newAdaptableBuilder(request.getTopicPath())
            .withPayload(payload)
            .withHeaders(h.build())
            .build());
  }
}
