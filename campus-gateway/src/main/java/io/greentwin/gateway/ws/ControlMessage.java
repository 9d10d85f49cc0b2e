package io.greentwin.gateway.ws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plain-text control frame of Ditto's WebSocket binding, e.g. {@code
 * START-SEND-EVENTS?correlation-id=42&namespaces=org.a,org.b&filter=gt(attributes/x,1)}: its kind
 * and its URL-decoded query parameters.
 */
record ControlMessage(Kind kind, Map<String, String> params) {

  /** The control frames Ditto's WebSocket understands, as written on the wire. */
  enum Kind {
    START_SEND_EVENTS("START-SEND-EVENTS"),
    STOP_SEND_EVENTS("STOP-SEND-EVENTS"),
    START_SEND_MESSAGES("START-SEND-MESSAGES"),
    STOP_SEND_MESSAGES("STOP-SEND-MESSAGES"),
    START_SEND_LIVE_EVENTS("START-SEND-LIVE-EVENTS"),
    STOP_SEND_LIVE_EVENTS("STOP-SEND-LIVE-EVENTS"),
    START_SEND_LIVE_COMMANDS("START-SEND-LIVE-COMMANDS"),
    STOP_SEND_LIVE_COMMANDS("STOP-SEND-LIVE-COMMANDS"),
    /** A refreshed token from a client using bearer auth; Ditto sends no acknowledgement. */
    JWT_TOKEN("JWT-TOKEN");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    String wire() {
      return wire;
    }

    static Optional<Kind> ofWire(String name) {
      return Arrays.stream(values()).filter(k -> k.wire.equals(name)).findFirst();
    }
  }

  static final String CORRELATION_ID = "correlation-id";
  static final String NAMESPACES = "namespaces";
  static final String FILTER = "filter";
  static final String EXTRA_FIELDS = "extraFields";

  ControlMessage {
    params = Map.copyOf(params);
  }

  /** The control message in a text frame, or empty when the frame is not one (e.g. JSON). */
  static Optional<ControlMessage> parse(String text) {
    String trimmed = text.strip();
    int q = trimmed.indexOf('?');
    String name = q < 0 ? trimmed : trimmed.substring(0, q);
    return Kind.ofWire(name)
        .map(kind -> new ControlMessage(kind, q < 0 ? Map.of() : query(trimmed.substring(q + 1))));
  }

  /** The exact acknowledgement Ditto answers with, e.g. {@code START-SEND-EVENTS:ACK}. */
  Optional<String> ack() {
    return kind == Kind.JWT_TOKEN ? Optional.empty() : Optional.of(kind.wire() + ":ACK");
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name)).filter(v -> !v.isBlank());
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
