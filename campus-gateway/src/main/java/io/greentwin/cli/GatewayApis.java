package io.greentwin.cli;

import io.greentwin.auth.AuthApi;
import io.greentwin.auth.GatewayAuth;
import io.greentwin.gateway.HttpApi;
import io.greentwin.gateway.policies.PoliciesApi;
import io.greentwin.twin.TwinService;
import java.util.ArrayList;
import java.util.List;

/** The parts of the gateway's HTTP surface, wired in one place. */
final class GatewayApis {
  private GatewayApis() {}

  static List<HttpApi> all(TwinService twins) {
    return List.of();
  }

  /** Every part behind authentication: auth first (it guards what follows), policies, the rest. */
  static List<HttpApi> secured(TwinService twins, GatewayAuth auth) {
    List<HttpApi> apis = new ArrayList<>();
    apis.add(new AuthApi(auth.authenticator()));
    apis.add(new PoliciesApi(auth.policies()));
    apis.addAll(all(twins));
    return apis;
  }
}
