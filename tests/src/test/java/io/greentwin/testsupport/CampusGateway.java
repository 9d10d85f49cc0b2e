package io.greentwin.testsupport;

import io.greentwin.auth.Credentials;
import io.greentwin.auth.GatewayAuth;
import io.greentwin.auth.JwtConfig;
import io.greentwin.campus.Campus;
import io.greentwin.campus.CampusLoader;
import io.greentwin.cli.GatewayApis;
import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.twin.CampusSync;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinService;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as {@code greentwin run} composes it (every secured API part and the web UI, the demo
 * users, the campus policy) with the twins of a campus config, in memory, on a free loopback port.
 */
public final class CampusGateway implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final TwinService twins;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Campus campus;
  private int port;

  private CampusGateway(Path config, Clock twinClock) {
    this.campus = new CampusLoader().loadCampus(config);
    this.twins = new InMemoryTwinService(twinClock);
  }

  /** Starts a gateway with the twins of the campus config. */
  public static CampusGateway start(Path campusConfig) throws Exception {
    return start(campusConfig, Clock.systemUTC());
  }

  /**
   * As {@link #start(Path)}, the twins' events stamped by {@code twinClock} (a test writes history
   * at the instants it chooses); sign-in keeps the system clock.
   */
  public static CampusGateway start(Path campusConfig, Clock twinClock) throws Exception {
    CampusGateway g = new CampusGateway(campusConfig, twinClock);
    g.deploy();
    return g;
  }

  private void deploy() throws Exception {
    CampusSync.sync(twins, campus);
    Clock clock = Clock.systemUTC();
    GatewayAuth auth =
        GatewayAuth.create(
            vertx,
            Credentials.demo(JwtConfig.DEFAULT),
            twins,
            List.of(campus.namespace()),
            clock,
            name -> "a-test-secret-that-is-long-enough-for-hs256");
    GatewayConfig config = new GatewayConfig("127.0.0.1", 0, GatewayConfig.DEFAULT_MAX_BODY_BYTES);
    GatewayVerticle verticle =
        new GatewayVerticle(
            config, GatewayApis.secured(twins, auth, campus.namespace(), config, clock, null));
    vertx
        .deployVerticle(verticle)
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    port = verticle.actualPort();
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String namespace() {
    return campus.namespace();
  }

  public TwinService twins() {
    return twins;
  }

  /** PUTs a JSON value at a path below a thing over HTTP, as the admin user; returns the status. */
  public int put(String thingId, String path, String json) throws Exception {
    String basic =
        Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(httpUrl() + "/api/2/things/" + thingId + path))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Override
  public void close() throws Exception {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } finally {
      twins.close();
    }
  }
}
