package io.greentwin.cli;

import io.greentwin.auth.AuthApi;
import io.greentwin.auth.GatewayAuth;
import io.greentwin.auth.ThingAccess;
import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.HttpApi;
import io.greentwin.gateway.history.HistoryApi;
import io.greentwin.gateway.policies.PoliciesApi;
import io.greentwin.gateway.search.SearchApi;
import io.greentwin.gateway.search.ThingJsonCache;
import io.greentwin.gateway.stream.StreamApi;
import io.greentwin.gateway.things.ThingsApi;
import io.greentwin.gateway.ui.WebUiApi;
import io.greentwin.gateway.ws.WebSocketApi;
import io.greentwin.jobs.timeseries.TimeSeriesReader;
import io.greentwin.twin.TwinService;
import java.util.ArrayList;
import java.util.List;

/** The parts of the gateway's HTTP surface, wired in one place. */
public final class GatewayApis {
  private GatewayApis() {}

  /**
   * Every part, in mounting order: the SSE streams first (they only take {@code Accept:
   * text/event-stream}), then history, search, the things resources and the web UI.
   */
  public static List<HttpApi> all(
      TwinService twins, String namespace, GatewayConfig config, java.time.Clock clock) {
    return List.of(
        new WebSocketApi(twins),
        new StreamApi(twins),
        new HistoryApi(twins, clock),
        new SearchApi(twins, new ThingJsonCache()),
        new ThingsApi(twins, namespace, config.maxBodyBytes()),
        new WebUiApi());
  }

  /**
   * Every part behind authentication: auth first (it guards what follows), policies, then the parts
   * of {@link #all} in the same order, each enforcing the thing policies as Ditto does; time series
   * come from {@code timeSeries} (the stream jobs' store) where it holds them.
   */
  public static List<HttpApi> secured(
      TwinService twins,
      GatewayAuth auth,
      String namespace,
      GatewayConfig config,
      java.time.Clock clock,
      TimeSeriesReader timeSeries) {
    List<HttpApi> apis = new ArrayList<>();
    apis.add(new AuthApi(auth.authenticator()));
    apis.add(new PoliciesApi(auth.policies()));
    ThingAccess access = auth.access();
    apis.add(new WebSocketApi(twins, auth));
    apis.add(new StreamApi(twins, access));
    apis.add(new HistoryApi(twins, clock, access, timeSeries));
    apis.add(new SearchApi(twins, new ThingJsonCache(), access));
    apis.add(new ThingsApi(twins, namespace, config.maxBodyBytes(), access));
    apis.add(new WebUiApi());
    return apis;
  }
}
