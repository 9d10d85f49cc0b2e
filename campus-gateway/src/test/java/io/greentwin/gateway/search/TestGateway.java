package io.greentwin.gateway.search;

import io.greentwin.gateway.GatewayConfig;
import io.greentwin.gateway.GatewayVerticle;
import io.greentwin.gateway.HttpApi;
import io.greentwin.twin.InMemoryTwinService;
import io.greentwin.twin.TwinWrite;
import io.greentwin.twin.TwinWriteResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The real gateway on a free port with in-memory twins and a hand-moved clock, plus a blocking HTTP
 * client: the fixture of the search, stream and history tests.
 */
public final class TestGateway implements AutoCloseable {
  /** A clock tests move by hand. */
  public static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    public void set(Instant t) {
      now = t;
    }

    public void advanceSeconds(long s) {
      now = now.plusSeconds(s);
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

  public static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  public final Vertx vertx = Vertx.vertx();
  public final MovableClock clock = new MovableClock(T0);
  public final InMemoryTwinService twins = new InMemoryTwinService(clock);
  public final WebClient client = WebClient.create(vertx);
  private final GatewayVerticle verticle;

  private TestGateway(Function<TestGateway, List<HttpApi>> apis) {
    verticle = new GatewayVerticle(GatewayConfig.loopbackEphemeral(), apis.apply(this));
    await(vertx.deployVerticle(verticle));
  }

  /** Starts the gateway with the APIs made from this fixture (its twins and clock). */
  public static TestGateway start(Function<TestGateway, List<HttpApi>> apis) {
    return new TestGateway(apis);
  }

  public int port() {
    return verticle.actualPort();
  }

  /** Creates or replaces a whole thing. */
  public TwinWriteResult put(String thingId, String json) {
    return twins
        .write(
            TwinWrite.put(
                ThingId.of(thingId), JsonPointer.empty(), JsonFactory.readFrom(json), "test"))
        .join();
  }

  /** Sets a value below a thing, e.g. {@code /features/power/properties/kw}. */
  public TwinWriteResult set(String thingId, String path, String json) {
    return twins
        .write(
            TwinWrite.put(
                ThingId.of(thingId), JsonPointer.of(path), JsonFactory.readFrom(json), "test"))
        .join();
  }

  /** Deletes a value below a thing, or the whole thing at {@code /}. */
  public TwinWriteResult delete(String thingId, String path) {
    return twins.write(TwinWrite.delete(ThingId.of(thingId), JsonPointer.of(path), "test")).join();
  }

  /** A GET with query parameters (encoded by the client) and headers as name/value pairs. */
  public HttpResponse<Buffer> get(String path, MultiMap params, MultiMap headers) {
    HttpRequest<Buffer> req = client.get(port(), "127.0.0.1", path);
    params.forEach(e -> req.addQueryParam(e.getKey(), e.getValue()));
    headers.forEach(e -> req.putHeader(e.getKey(), e.getValue()));
    return await(req.send());
  }

  public HttpResponse<Buffer> get(String path, String... nameValuePairs) {
    return get(path, pairs(nameValuePairs), MultiMap.caseInsensitiveMultiMap());
  }

  public static MultiMap pairs(String... nameValuePairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
      m.add(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return m;
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the condition holds, failing after the timeout. */
  public static void eventually(
      java.time.Duration timeout, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    client.close();
    await(vertx.close());
  }
}
