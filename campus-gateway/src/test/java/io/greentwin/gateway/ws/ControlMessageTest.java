package io.greentwin.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentwin.gateway.ws.ControlMessage.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlMessageTest {

  @Test
  void parsesStartSendEventsWithUrlEncodedParameters() {
    ControlMessage m =
        ControlMessage.parse(
                "START-SEND-EVENTS?correlation-id=c-1&namespaces=org.a%2Corg.b"
                    + "&filter=gt%28attributes%2Fcount%2C42%29&extraFields=attributes%2Flocation")
            .orElseThrow();
    assertThat(m.kind()).isEqualTo(Kind.START_SEND_EVENTS);
    assertThat(m.params())
        .isEqualTo(
            Map.of(
                "correlation-id", "c-1",
                "namespaces", "org.a,org.b",
                "filter", "gt(attributes/count,42)",
                "extraFields", "attributes/location"));
    assertThat(m.ack()).contains("START-SEND-EVENTS:ACK");
  }

  @Test
  void everyStartAndStopIsAcknowledgedWithItsExactName() {
    for (Kind kind : Kind.values()) {
      if (kind == Kind.JWT_TOKEN) {
        continue;
      }
      ControlMessage m = ControlMessage.parse(kind.wire()).orElseThrow();
      assertThat(m.kind()).isEqualTo(kind);
      assertThat(m.params()).isEmpty();
      assertThat(m.ack()).contains(kind.wire() + ":ACK");
    }
    assertThat(ControlMessage.parse("STOP-SEND-LIVE-COMMANDS").orElseThrow().ack())
        .contains("STOP-SEND-LIVE-COMMANDS:ACK");
  }

  @Test
  void aRefreshedTokenIsRecognisedButNotAcknowledged() {
    ControlMessage m = ControlMessage.parse("JWT-TOKEN?jwtToken=abc.def.ghi").orElseThrow();
    assertThat(m.kind()).isEqualTo(Kind.JWT_TOKEN);
    assertThat(m.param("jwtToken")).contains("abc.def.ghi");
    assertThat(m.ack()).isEmpty();
  }

  @Test
  void blankParametersCountAsAbsentAndFlagsWithoutValueAreKept() {
    ControlMessage m = ControlMessage.parse("START-SEND-EVENTS?filter=&namespaces").orElseThrow();
    assertThat(m.param(ControlMessage.FILTER)).isEmpty();
    assertThat(m.params()).containsEntry("namespaces", "");
  }

  @Test
  void jsonAndUnknownWordsAreNotControlMessages() {
    assertThat(ControlMessage.parse("{\"topic\":\"a/b/things/twin/commands/retrieve\"}")).isEmpty();
    assertThat(ControlMessage.parse("START-SEND-EVERYTHING")).isEmpty();
    assertThat(ControlMessage.parse("start-send-events")).isEmpty();
  }
}
