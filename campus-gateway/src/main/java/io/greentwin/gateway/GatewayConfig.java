package io.greentwin.gateway;

/**
 * Where the gateway listens and how large a request body may be (default 100 KiB per thing, as the
 * issue asks; Ditto's own default thing size limit is 100 kB).
 */
public record GatewayConfig(String host, int port, long maxBodyBytes) {
  public static final long DEFAULT_MAX_BODY_BYTES = 100 * 1024;

  public GatewayConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535 but was " + port);
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  /** Loopback on a free port, default body limit: for tests. */
  public static GatewayConfig loopbackEphemeral() {
    return new GatewayConfig("127.0.0.1", 0, DEFAULT_MAX_BODY_BYTES);
  }
}
