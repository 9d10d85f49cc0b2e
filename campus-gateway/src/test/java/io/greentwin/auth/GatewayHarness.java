package io.greentwin.auth;

import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinService;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;

/**
 * A real gateway on a free loopback port with the demo users, the campus policy of {@code
 * org.test}, the auth and policy APIs and whatever test parts are given, and a web client to call
 * it.
 */
public final class GatewayHarness implements AutoCloseable {
  public static final String NAMESPACE = "org.test";

  /** One answer: status, headers and body (JSON, or a JSON string of the text). */
  public record Response(int status, MultiMap headers, String text) {
    public JsonValue json() {
      return text == null || text.isEmpty() ? JsonValue.nullLiteral() : JsonFactory.readFrom(text);
    }

    public JsonObject object() {
      return json().asObject();
    }

    public String error() {
      return object().getValue("error").map(JsonValue::asString).orElse("");
    }
  }

  public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  public final Vertx vertx = Vertx.vertx();
  public final TwinService twins = new InMemoryTwinService(clock);
  public final GatewayAuth auth;
  private final WebClient client;
  private final int port;

  /** The gateway with the auth part, the policies part and extra parts built from the auth. */
  public GatewayHarness(List<Function<GatewayAuth, HttpApi>> extraParts) throws Exception {
    this((twins, auth) -> extraParts.stream().map(p -> p.apply(auth)).toList());
  }

  /** The gateway with the auth part, the policies part and parts built from twins and auth. */
  public GatewayHarness(BiFunction<TwinService, GatewayAuth, List<HttpApi>> parts)
      throws Exception {
    auth =
        GatewayAuth.create(
            vertx,
            Credentials.demo(JwtConfig.DEFAULT),
            twins,
            List.of(NAMESPACE),
            clock,
            name -> "a-test-secret-that-is-long-enough-for-hs256");
    List<HttpApi> apis = new ArrayList<>();
    apis.add(new AuthApi(auth.authenticator()));
    apis.add(new io.greentwin.gateway.policies.PoliciesApi(auth.policies()));
    apis.addAll(parts.apply(twins, auth));
    GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.loopbackEphemeral(), apis);
    await(vertx.deployVerticle(gateway));
    port = gateway.actualPort();
    client = WebClient.create(vertx);
  }

  /** {@code Authorization: Basic} for a user and password. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a request with an {@code Authorization} header (null: none) and a body (null: none). */
  public Response send(HttpMethod method, String path, String authorization, String body)
      throws Exception {
    return send(client.request(method, port, "127.0.0.1", path), authorization, body);
  }

  /** GETs an event stream that ends by itself (a historical one), whole. */
  public Response getEvents(String path, String authorization) throws Exception {
    HttpRequest<Buffer> request = client.request(HttpMethod.GET, port, "127.0.0.1", path);
    return send(request.putHeader("Accept", "text/event-stream"), authorization, null);
  }

  private Response send(HttpRequest<Buffer> request, String authorization, String body)
      throws Exception {
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    Future<HttpResponse<Buffer>> sent;
    if (body == null) {
      sent = request.send();
    } else {
      request.putHeader("Content-Type", "application/json");
      sent = request.sendBuffer(Buffer.buffer(body));
    }
    HttpResponse<Buffer> r = await(sent);
    return new Response(r.statusCode(), r.headers(), r.bodyAsString());
  }

  /** The gateway's port on 127.0.0.1. */
  public int port() {
    return port;
  }

  public Response get(String path, String authorization) throws Exception {
    return send(HttpMethod.GET, path, authorization, null);
  }

  /**
   * Opens a WebSocket with an {@code Authorization} header (null: none) and returns its first text
   * message, or {@code rejected <status>} when the upgrade is refused.
   */
  public String webSocketText(String path, String authorization) throws Exception {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
    if (authorization != null) {
      options.addHeader("Authorization", authorization);
    }
    WebSocketClient ws = vertx.createWebSocketClient();
    try {
      Promise<String> first = Promise.promise();
      return await(
          ws.connect(options)
              .compose(
                  socket -> {
                    socket.textMessageHandler(first::tryComplete);
                    return first.future();
                  })
              .recover(
                  t ->
                      t instanceof UpgradeRejectedException r
                          ? Future.succeededFuture("rejected " + r.getStatus())
                          : Future.failedFuture(t)));
    } finally {
      ws.close();
    }
  }

  /** Opens an authenticated WebSocket, sends one text message and returns the first reply. */
  public String webSocketReply(String path, String authorization, String message) throws Exception {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(path)
            .addHeader("Authorization", authorization);
    WebSocketClient ws = vertx.createWebSocketClient();
    try {
      Promise<String> first = Promise.promise();
      return await(
          ws.connect(options)
              .compose(
                  socket -> {
                    socket.textMessageHandler(first::tryComplete);
                    return socket.writeTextMessage(message).compose(v -> first.future());
                  }));
    } finally {
      ws.close();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    client.close();
    await(vertx.close());
    twins.close();
  }
}
