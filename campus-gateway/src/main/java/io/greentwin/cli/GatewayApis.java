package io.greentwin.cli;

import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.TwinService;
import java.util.List;

/** The parts of the gateway's HTTP surface, wired in one place. */
final class GatewayApis {
  private GatewayApis() {}

  static List<HttpApi> all(TwinService twins) {
    return List.of();
  }
}
