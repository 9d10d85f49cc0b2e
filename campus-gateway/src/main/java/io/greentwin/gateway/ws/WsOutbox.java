package io.greentwin.gateway.ws;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes text frames to one socket with back-pressure sanity: a client that lets the write queue
 * stay full for longer than {@code maxFullFor} is dropped with a clear log line (close code 1013,
 * "try again later") instead of letting the gateway buffer without bound. Used on the socket's
 * context only.
 */
final class WsOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(WsOutbox.class);
  static final short SLOW_CONSUMER = 1013;

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final Duration maxFullFor;
  private final String peer;
  private long fullTimer = -1;
  private boolean closed;

  WsOutbox(Vertx vertx, ServerWebSocket socket, int writeQueueMaxBytes, Duration maxFullFor) {
    this.vertx = vertx;
    this.socket = socket;
    this.maxFullFor = maxFullFor;
    this.peer = String.valueOf(socket.remoteAddress());
    socket.setWriteQueueMaxSize(writeQueueMaxBytes);
    socket.drainHandler(v -> cancelTimer());
  }

  /** Sends one text message unless the socket is closed. */
  void send(String text) {
    if (closed) {
      return;
    }
    socket.writeTextMessage(text);
    if (fullTimer < 0 && socket.writeQueueFull()) {
      fullTimer = vertx.setTimer(maxFullFor.toMillis(), id -> dropIfStillFull());
    }
  }

  /** No more writes (the socket closed). */
  void close() {
    closed = true;
    cancelTimer();
  }

  private void dropIfStillFull() {
    fullTimer = -1;
    if (closed || !socket.writeQueueFull()) {
      return;
    }
    LOG.warn(
        "Closing WebSocket of {}: its write queue stayed full for {} ms (it reads too slowly)",
        peer,
        maxFullFor.toMillis());
    closed = true;
    socket.close(SLOW_CONSUMER, "Client too slow: write queue full");
  }

  private void cancelTimer() {
    if (fullTimer >= 0) {
      vertx.cancelTimer(fullTimer);
      fullTimer = -1;
    }
  }
}
