package io.greentwin.gateway.things;

import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinEvent;
import io.greentwin.twin.TwinWrite;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The real gateway on a free port with {@link ThingsApi} over an in-memory twin service, a clock
 * tests move by hand, every committed event, and a blocking HTTP client. A request header {@code
 * x-test-subject} stands in for authentication: it becomes the request's subject.
 */
final class GatewayFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
  static final long BODY_LIMIT = 4096;
  static final String NAMESPACE = "greentwin.test";

  /** Stands in for the server-sent event API mounted after the things API. */
  static final HttpApi EVENT_STREAM_STUB =
      router ->
          router
              .getWithRegex("/api/2/things(/.*)?")
              .handler(
                  ctx -> {
                    String accept = ctx.request().getHeader("Accept");
                    if (accept != null && accept.contains("text/event-stream")) {
                      ctx.response().putHeader("Content-Type", "text/event-stream").end("stub");
                    } else {
                      ctx.next();
                    }
                  });

  final MutableClock clock = new MutableClock();
  final InMemoryTwinService twins = new InMemoryTwinService(clock);
  final List<TwinEvent> events = new CopyOnWriteArrayList<>();
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  private final int port;

  GatewayFixture() {
    twins.subscribe(events::add);
    HttpApi subject =
        router ->
            router
                .route("/api/*")
                .handler(
                    ctx -> {
                      String s = ctx.request().getHeader("x-test-subject");
                      if (s != null) {
                        ctx.put(ThingsApi.SUBJECT, s);
                      }
                      ctx.next();
                    });
    GatewayVerticle gateway =
        new GatewayVerticle(
            new GatewayConfig("127.0.0.1", 0, BODY_LIMIT),
            List.of(subject, new ThingsApi(twins, NAMESPACE, BODY_LIMIT), EVENT_STREAM_STUB));
    await(vertx.deployVerticle(gateway));
    port = gateway.actualPort();
  }

  /** A response, read completely. */
  record Response(int status, MultiMap headers, String body) {
    JsonValue json() {
      return JsonFactory.readFrom(body);
    }

    JsonObject object() {
      return json().asObject();
    }

    /** Ditto's error code of an error response. */
    String error() {
      return object().getValue("error").map(JsonValue::asString).orElse(null);
    }

    String etag() {
      return headers.get("ETag");
    }
  }

  Response get(String uri, String... headers) {
    return send(HttpMethod.GET, uri, null, null, headers);
  }

  Response put(String uri, String body, String... headers) {
    return send(HttpMethod.PUT, uri, body, "application/json", headers);
  }

  Response patch(String uri, String body, String... headers) {
    return send(HttpMethod.PATCH, uri, body, "application/merge-patch+json", headers);
  }

  Response delete(String uri, String... headers) {
    return send(HttpMethod.DELETE, uri, null, null, headers);
  }

  Response post(String uri, String body, String... headers) {
    return send(HttpMethod.POST, uri, body, "application/json", headers);
  }

  /** Any request; {@code headers} are name, value pairs. */
  Response send(HttpMethod method, String uri, String body, String contentType, String... headers) {
    return await(sendAsync(method, uri, body, contentType, headers));
  }

  /** Any request, without waiting for its response. */
  Future<Response> sendAsync(
      HttpMethod method, String uri, String body, String contentType, String... headers) {
    HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", uri);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)))
        .map(
            r ->
                new Response(
                    r.statusCode(), r.headers(), r.bodyAsString() == null ? "" : r.bodyAsString()));
  }

  /** Creates a thing through the service (not the API under test). */
  void create(String id, String json) {
    twins
        .write(
            TwinWrite.put(
                ThingId.of(id), JsonPointer.empty(), JsonFactory.readFrom(json), "fixture"))
        .join();
  }

  /** The thing's current revision, 0 when it does not exist. */
  long revision(String id) {
    return twins.get(ThingId.of(id)).flatMap(t -> t.getRevision()).map(r -> r.toLong()).orElse(0L);
  }

  @Override
  public void close() {
    await(vertx.close());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now = T0;

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
