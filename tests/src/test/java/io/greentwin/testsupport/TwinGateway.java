package io.greentwin.testsupport;

import io.greentwin.auth.AuthApi;
import io.greentwin.auth.Credentials;
import io.greentwin.auth.GatewayAuth;
import io.greentwin.auth.JwtConfig;
import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.gateway.HttpApi;
import io.greentwin.gateway.things.ThingsApi;
import io.greentwin.gateway.ws.WebSocketApi;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link GatewayVerticle} with the Ditto WebSocket (and, unsecured, the things HTTP API)
 * on a free loopback port, over an in-memory twin service; can be restarted on the same port with
 * the same twins.
 */
public final class TwinGateway implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final TwinService twins = twinService();
  private final List<String> securedNamespaces;
  private String deploymentId;
  private int port;

  private TwinGateway(List<String> securedNamespaces) {
    this.securedNamespaces = securedNamespaces;
  }

  /**
   * In-memory twins, or with {@code -Dgreentwin.bench.store=h2} the durable H2 store in a temporary
   * directory (for benchmarks through the real journal).
   */
  private static TwinService twinService() {
    if (!"h2".equals(System.getProperty("greentwin.bench.store"))) {
      return new InMemoryTwinService(Clock.systemUTC());
    }
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("greentwin-bench-");
      return io.greentwin.store.JournalTwinService.open(
          io.greentwin.store.TwinDatabase.h2(dir), Clock.systemUTC(), 100);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Starts a gateway on a free port. */
  public static TwinGateway start() throws Exception {
    TwinGateway g = new TwinGateway(null);
    g.deploy(0);
    return g;
  }

  /**
   * Starts a gateway behind authentication, as {@code greentwin run} serves it: the demo users
   * ({@code admin/admin}, {@code operator/operator}, {@code planner/planner}, {@code ops/ops}) and
   * the campus policy of each namespace, enforced on the WebSocket.
   */
  public static TwinGateway startSecured(List<String> namespaces) throws Exception {
    TwinGateway g = new TwinGateway(List.copyOf(namespaces));
    g.deploy(0);
    return g;
  }

  public int port() {
    return port;
  }

  public TwinService twins() {
    return twins;
  }

  /** The endpoint the Ditto client is given (it appends {@code /ws/2}). */
  public String endpoint() {
    return "ws://127.0.0.1:" + port;
  }

  /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:PORT}. */
  public String httpUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops the verticle (closing every socket) and deploys a new one on the same port. */
  public void restart() throws Exception {
    await(vertx.undeploy(deploymentId));
    deploy(port);
  }

  private void deploy(int onPort) throws Exception {
    GatewayVerticle verticle =
        new GatewayVerticle(
            new GatewayConfig("127.0.0.1", onPort, GatewayConfig.DEFAULT_MAX_BODY_BYTES), parts());
    deploymentId = await(vertx.deployVerticle(verticle));
    port = verticle.actualPort();
  }

  private List<HttpApi> parts() {
    if (securedNamespaces == null) {
      return List.of(
          new WebSocketApi(twins),
          new ThingsApi(twins, "org.greentwin.it", GatewayConfig.DEFAULT_MAX_BODY_BYTES));
    }
    GatewayAuth auth =
        GatewayAuth.create(
            vertx,
            Credentials.demo(JwtConfig.DEFAULT),
            twins,
            securedNamespaces,
            Clock.systemUTC(),
            name -> "a-test-secret-that-is-long-enough-for-hs256");
    return List.of(new AuthApi(auth.authenticator()), new WebSocketApi(twins, auth));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      await(vertx.close());
    } catch (Exception e) {
      throw new IllegalStateException("Vert.x did not close", e);
    } finally {
      twins.close();
    }
  }
}
