package io.greentwin.gateway.ws;

import java.time.Duration;

/**
 * Sizes and patience of the WebSocket: the largest frame and assembled message accepted (Ditto's
 * client splits messages over 256 KiB into continuation frames), how many bytes may wait to be
 * written to one client, and how long that queue may stay full before the client is dropped.
 */
public record WebSocketLimits(
    int maxFrameBytes, int maxMessageBytes, int writeQueueMaxBytes, Duration maxQueueFullFor) {

  public WebSocketLimits {
    if (maxFrameBytes <= 0 || maxMessageBytes < maxFrameBytes || writeQueueMaxBytes <= 0) {
      throw new IllegalArgumentException(
          "need 0 < maxFrameBytes <= maxMessageBytes and writeQueueMaxBytes > 0");
    }
    if (maxQueueFullFor.isNegative() || maxQueueFullFor.isZero()) {
      throw new IllegalArgumentException("maxQueueFullFor must be positive");
    }
  }

  /** 512 KiB frames, 16 MiB messages, 4 MiB write queue, dropped after 10 s full. */
  public static WebSocketLimits defaults() {
    return new WebSocketLimits(
        512 * 1024, 16 * 1024 * 1024, 4 * 1024 * 1024, Duration.ofSeconds(10));
  }
}
