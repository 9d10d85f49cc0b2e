package io.greentwin.jobs.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.TopicPath;
import org.junit.jupiter.api.Test;

/**
 * The Ditto Protocol text the sink writes, read back with Ditto's own protocol model: what a real
 * Eclipse Ditto (and the gateway) will make of it.
 */
class DittoChannelTest {
  private static final String MERGE =
      "{\"features\":{\"coolant\":{\"properties\":{\"supplyTempC\":45.5,\"observedAt\":"
          + "\"2026-12-05T05:00:01.000Z\"}}}}";

  private static Adaptable read(String text) {
    return ProtocolFactory.jsonifiableAdaptableFromJson(JsonFactory.newObject(text));
  }

  @Test
  void aMergeIsAMergeCommandAtItsPathWithTheAcknowledgementAndContentTypeDittoExpects() {
    TwinPatch patch =
        new TwinPatch("greentwin.xianghe:b1-h1-r01-k04", "/", MERGE, false, 1_000, null);
    Adaptable command = read(DittoChannel.envelopeText(patch, "c-17"));

    TopicPath topic = command.getTopicPath();
    assertThat(topic.getNamespace()).isEqualTo("greentwin.xianghe");
    assertThat(topic.getEntityName()).isEqualTo("b1-h1-r01-k04");
    assertThat(topic.getChannel()).isEqualTo(TopicPath.Channel.TWIN);
    assertThat(topic.getAction()).contains(TopicPath.Action.MERGE);
    var headers = command.getDittoHeaders();
    assertThat(headers.getCorrelationId()).contains("c-17");
    assertThat(headers.isResponseRequired()).isTrue();
    assertThat(headers.getAcknowledgementRequests())
        .extracting(r -> r.getLabel().toString())
        .containsExactly("twin-persisted");
    assertThat(headers.getContentType()).contains("application/merge-patch+json");
    assertThat(headers).doesNotContainKey("condition");
    assertThat(command.getPayload().getPath().toString()).isEqualTo("/");
    assertThat(command.getPayload().getValue()).contains(JsonFactory.readFrom(MERGE));
  }

  @Test
  void aReplacementIsAModifyAndAConditionWithQuotesTravelsIntactAsDittosConditionHeader() {
    String condition =
        ObservedAt.condition(Map.of("coolant", 1_000L, "power", 2_000L)); // quotes inside
    TwinPatch patch =
        new TwinPatch(
            "greentwin.xianghe:pump-1",
            "/features/flow/properties/ratedLps",
            "12.5",
            true,
            1_000,
            condition);
    Adaptable command = read(DittoChannel.envelopeText(patch, "c-\"1\\"));

    assertThat(command.getTopicPath().getAction()).contains(TopicPath.Action.MODIFY);
    assertThat(command.getDittoHeaders().getCondition()).contains(condition);
    assertThat(command.getDittoHeaders().getCorrelationId()).contains("c-\"1\\");
    assertThat(command.getDittoHeaders().getContentType()).contains("application/json");
    assertThat(command.getPayload().getPath().toString())
        .isEqualTo("/features/flow/properties/ratedLps");
    assertThat(command.getPayload().getValue()).contains(JsonFactory.readFrom("12.5"));
  }

  @Test
  void aThingIdWithoutNamespaceIsRefusedAndDeadLettersStillShowThePatch() {
    TwinPatch patch = new TwinPatch("no-namespace", "/", "{}", false, 1_000);
    assertThatThrownBy(() -> DittoChannel.envelopeText(patch, "c"))
        .isInstanceOf(TwinRejectedException.class)
        .hasMessageContaining("no-namespace");
    assertThat(DittoChannel.envelopeText(patch)).contains("no-namespace");
  }
}
