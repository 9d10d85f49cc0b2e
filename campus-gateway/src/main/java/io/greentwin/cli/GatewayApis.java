package io.greentwin.cli;

import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.HttpApi;
import io.greentwin.gateway.things.ThingsApi;
import io.greentwin.twin.TwinService;
import java.util.List;

/** The parts of the gateway's HTTP surface, wired in one place. */
final class GatewayApis {
  private GatewayApis() {}

  static List<HttpApi> all(TwinService twins, String namespace, GatewayConfig config) {
    return List.of(new ThingsApi(twins, namespace, config.maxBodyBytes()));
  }
}
