package io.greentwin.jobs.source.mqtt;

import io.greentwin.error.ErrorCode;
import io.greentwin.error.GreenTwinException;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What an {@link MqttSource} connects to and how; built by {@link MqttSourceBuilder}, which holds
 * the defaults.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
 * @param topicFilter the MQTT topic filter, e.g. {@code greentwin/readings/#}
 * @param sharedGroup the shared-subscription group ({@code $share/<group>/<filter>}) that splits
 *     the messages between the source's splits; empty for a plain subscription (one split only)
 * @param clientIdPrefix the fixed prefix of the client ids: split {@code i} connects as {@code
 *     <prefix>-<i>}, so a restarted job resumes the same broker sessions
 * @param splits how many subscriptions (one client each) to open; 0 means the source parallelism
 *     with a shared group and 1 without
 * @param sessionExpiry how long the broker keeps a split's session (its subscription, queued and
 *     unacknowledged messages) while no client is connected
 * @param receiveMaximum the MQTT 5 Receive Maximum each client announces: the most QoS 1 messages
 *     the broker sends it unacknowledged, hence the most a split takes in between two checkpoints
 * @param username the user name, empty for an anonymous connection
 * @param password the password, used only with a user name
 */
public record MqttSourceConfig(
    String brokerUrl,
    String topicFilter,
    String sharedGroup,
    String clientIdPrefix,
    int splits,
    Duration sessionExpiry,
    int receiveMaximum,
    String username,
    String password)
    implements Serializable {
  /** Largest value MQTT 5 allows for Receive Maximum (a two-byte integer). */
  public static final int MAX_RECEIVE_MAXIMUM = 65_535;

  /**
   * The default Receive Maximum: one below the protocol's default of 65,535 on purpose. A client
   * announcing the protocol default leaves the property out of CONNECT, and Mosquitto 2.0 then caps
   * the window at its {@code max_inflight_messages} (20 unless configured): 20 messages per
   * checkpoint. Measured with Mosquitto 2.0.11 (docs/ARCHITECTURE.md, "MQTT source").
   */
  public static final int DEFAULT_RECEIVE_MAXIMUM = 65_534;

  public MqttSourceConfig {
    Objects.requireNonNull(brokerUrl, "brokerUrl");
    Objects.requireNonNull(topicFilter, "topicFilter");
    Objects.requireNonNull(sharedGroup, "sharedGroup");
    Objects.requireNonNull(clientIdPrefix, "clientIdPrefix");
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    URI uri = URI.create(brokerUrl);
    if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw invalid("brokerUrl must look like tcp://host:port or ssl://host:port", brokerUrl);
    }
    if (topicFilter.isBlank() || topicFilter.startsWith("$share/")) {
      throw invalid("topicFilter must be a plain topic filter (set sharedGroup)", topicFilter);
    }
    if (sharedGroup.contains("/") || sharedGroup.contains("+") || sharedGroup.contains("#")) {
      throw invalid("sharedGroup must not contain '/', '+' or '#'", sharedGroup);
    }
    if (clientIdPrefix.isBlank()) {
      throw invalid("clientIdPrefix must not be blank", clientIdPrefix);
    }
    if (splits < 0 || (splits > 1 && sharedGroup.isEmpty())) {
      throw invalid(
          "splits must be >= 0, and more than 1 split needs a sharedGroup (each plain"
              + " subscription would receive every message)",
          splits);
    }
    if (sessionExpiry.isNegative() || sessionExpiry.isZero()) {
      throw invalid(
          "sessionExpiry must be > 0: unacknowledged messages must survive a restart",
          sessionExpiry);
    }
    if (receiveMaximum < 1 || receiveMaximum > MAX_RECEIVE_MAXIMUM) {
      throw invalid("receiveMaximum must be within 1..65535", receiveMaximum);
    }
  }

  /** The subscription each split opens: the shared form when a group is set. */
  public String subscription() {
    return sharedGroup.isEmpty() ? topicFilter : "$share/" + sharedGroup + "/" + topicFilter;
  }

  /** How many splits to create for a source running with the given parallelism. */
  int splitCount(int parallelism) {
    if (splits > 0) {
      return splits;
    }
    return sharedGroup.isEmpty() ? 1 : Math.max(1, parallelism);
  }

  /** Hides the password (the config appears in job graphs and logs). */
  @Override
  public String toString() {
    return "MqttSourceConfig[broker="
        + brokerUrl
        + ", subscription="
        + subscription()
        + ", clientIdPrefix="
        + clientIdPrefix
        + ", splits="
        + splits
        + ", sessionExpiry="
        + sessionExpiry
        + ", receiveMaximum="
        + receiveMaximum
        + (username.isEmpty() ? "" : ", user=" + username)
        + "]";
  }

  private static GreenTwinException invalid(String rule, Object value) {
    return new GreenTwinException(
        ErrorCode.CONFIG_INVALID, "MQTT source: " + rule + ", but was '" + value + "'");
  }
}
