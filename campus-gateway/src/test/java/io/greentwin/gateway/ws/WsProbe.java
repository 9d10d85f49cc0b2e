package io.greentwin.gateway.ws;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw WebSocket client on {@code /ws/2} that queues every text message and pong it receives. */
final class WsProbe implements AutoCloseable {
  private final WebSocketClient client; // held: Vert.x closes a client that is no longer referenced
  private final WebSocket socket;
  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<Buffer> pongs = new LinkedBlockingQueue<>();

  private WsProbe(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(messages::add);
    socket.pongHandler(pongs::add);
  }

  static WsProbe connect(Vertx vertx, int port) throws Exception {
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(WebSocketApi.PATH)
            .addHeader("Authorization", "Basic ZGl0dG86ZGl0dG8=");
    WebSocketClient client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 22));
    return new WsProbe(client, await(client.connect(options)));
  }

  WebSocket socket() {
    return socket;
  }

  void send(String text) throws Exception {
    await(socket.writeTextMessage(text));
  }

  void send(JsonObject json) throws Exception {
    send(json.encode());
  }

  /** The next text message, failing after 5 s. */
  String next() throws InterruptedException {
    String m = messages.poll(5, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within 5 s");
    }
    return m;
  }

  JsonObject nextJson() throws InterruptedException {
    return new JsonObject(next());
  }

  /** Asserts that nothing arrives for a while. */
  String nothingWithin(long millis) throws InterruptedException {
    return messages.poll(millis, TimeUnit.MILLISECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(socket.close());
    await(client.close());
  }
}
