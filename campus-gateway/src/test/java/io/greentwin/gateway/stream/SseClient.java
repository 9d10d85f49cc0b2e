package io.greentwin.gateway.stream;

import io.greentwin.gateway.search.TestGateway;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;

/**
 * A server-sent-events client for tests: opens a stream, collects each event's data, counts
 * heartbeats (events without data), and notices the end of the stream.
 */
public final class SseClient implements AutoCloseable {
  private final HttpClient http;
  private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final StringBuilder pending = new StringBuilder();
  public final HttpClientResponse response;

  private SseClient(TestGateway gateway, String uri, MultiMap headers) {
    http = gateway.vertx.createHttpClient();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost("127.0.0.1")
            .setPort(gateway.port())
            .setURI(uri)
            .setHeaders(headers);
    response =
        TestGateway.await(
            http.request(options)
                .compose(req -> req.send())
                .onSuccess(
                    r -> {
                      r.handler(b -> receive(b.toString()));
                      r.endHandler(v -> ended.complete(null));
                      r.exceptionHandler(ended::completeExceptionally);
                    }));
  }

  /** Opens {@code uri} (path and encoded query) with {@code Accept: text/event-stream}. */
  public static SseClient open(TestGateway gateway, String uri, String... headerPairs) {
    MultiMap headers = TestGateway.pairs(headerPairs);
    if (!headers.contains("Accept")) {
      headers.add("Accept", "text/event-stream");
    }
    return new SseClient(gateway, uri, headers);
  }

  private synchronized void receive(String chunk) {
    pending.append(chunk);
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String event = pending.substring(0, end);
      pending.delete(0, end + 2);
      StringBuilder d = new StringBuilder();
      for (String line : event.split("\n")) {
        if (line.startsWith("data:")) {
          d.append(line.substring(5));
        }
      }
      if (d.length() == 0) {
        heartbeats.incrementAndGet();
      } else {
        data.add(d.toString());
      }
    }
  }

  /** The next event's data as JSON, waiting up to the timeout; fails when none comes. */
  public JsonObject next(Duration timeout) {
    try {
      String d = data.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (d == null) {
        throw new AssertionError("no event within " + timeout);
      }
      return JsonFactory.readFrom(d).asObject();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Events that arrived so far, without waiting. */
  public List<JsonObject> drain() {
    List<String> out = new ArrayList<>();
    data.drainTo(out);
    return out.stream().map(s -> JsonFactory.readFrom(s).asObject()).toList();
  }

  /** Waits for the server to end the stream, then returns every event it sent. */
  public List<JsonObject> awaitEnd(Duration timeout) {
    try {
      ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("the stream did not end within " + timeout, e);
    }
    return drain();
  }

  public int heartbeats() {
    return heartbeats.get();
  }

  @Override
  public void close() {
    TestGateway.await(http.close());
  }
}
