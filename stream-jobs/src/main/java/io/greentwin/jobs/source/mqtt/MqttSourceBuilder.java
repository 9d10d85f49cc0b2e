package io.greentwin.jobs.source.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link MqttSource}; the defaults live here. Only the broker and the client-id prefix
 * must be given:
 *
 * <pre>{@code
 * MqttSource source = MqttSource.builder()
 *     .brokerUrl("tcp://127.0.0.1:1883")
 *     .clientIdPrefix("greentwin-sync")      // fixed: sessions survive restarts
 *     .sharedGroup("greentwin-sync")         // $share/greentwin-sync/greentwin/readings/#
 *     .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "mqtt").uid("mqtt-source");
 * }</pre>
 */
public final class MqttSourceBuilder {
  /** The reading topics of the campus sensor bus (docs/SENSOR-FORMAT.md). */
  public static final String DEFAULT_TOPIC_FILTER = "greentwin/readings/#";

  /** How long the broker keeps a disconnected split's session by default. */
  public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);

  private String brokerUrl;
  private String topicFilter = DEFAULT_TOPIC_FILTER;
  private String sharedGroup = "";
  private String clientIdPrefix;
  private int splits;
  private Duration sessionExpiry = DEFAULT_SESSION_EXPIRY;
  private int receiveMaximum = MqttSourceConfig.DEFAULT_RECEIVE_MAXIMUM;
  private String username = "";
  private String password = "";
  private Clock clock = Clock.systemUTC();

  MqttSourceBuilder() {}

  /** The broker, {@code tcp://host:port} or {@code ssl://host:port}. */
  public MqttSourceBuilder brokerUrl(String brokerUrl) {
    this.brokerUrl = brokerUrl;
    return this;
  }

  /** The topic filter; default {@value #DEFAULT_TOPIC_FILTER}. */
  public MqttSourceBuilder topicFilter(String topicFilter) {
    this.topicFilter = topicFilter;
    return this;
  }

  /**
   * Subscribe as shared-subscription group {@code group}, so several splits (or several jobs in the
   * same group) divide the messages; default none (one split receives everything).
   */
  public MqttSourceBuilder sharedGroup(String group) {
    this.sharedGroup = group;
    return this;
  }

  /** The fixed client-id prefix: split {@code i} connects as {@code <prefix>-<i>}. */
  public MqttSourceBuilder clientIdPrefix(String prefix) {
    this.clientIdPrefix = prefix;
    return this;
  }

  /**
   * How many splits (clients) to open; default: the source parallelism with a shared group, else 1.
   * Fixed at the job's first start: keep it when restarting from a checkpoint, since changing it
   * abandons sessions whose unacknowledged messages then wait for {@link #sessionExpiry}.
   */
  public MqttSourceBuilder splits(int splits) {
    this.splits = splits;
    return this;
  }

  /** How long the broker keeps a split's session while it is disconnected; default 1 h. */
  public MqttSourceBuilder sessionExpiry(Duration sessionExpiry) {
    this.sessionExpiry = sessionExpiry;
    return this;
  }

  /**
   * MQTT 5 Receive Maximum, the most unacknowledged messages per split, hence per checkpoint;
   * default 65,534 ({@link MqttSourceConfig#DEFAULT_RECEIVE_MAXIMUM} says why not 65,535). Keep it
   * high with Mosquitto before 2.0.13, which can overrun a small one (the client then disconnects).
   */
  public MqttSourceBuilder receiveMaximum(int receiveMaximum) {
    this.receiveMaximum = receiveMaximum;
    return this;
  }

  /** User name and password for the broker; default anonymous. */
  public MqttSourceBuilder credentials(String username, String password) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /** The clock that stamps {@code receivedMs}; default the system clock (UTC). */
  public MqttSourceBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Validates and builds; an invalid setting fails with {@code config:invalid} naming it. */
  public MqttSource build() {
    return new MqttSource(
        new MqttSourceConfig(
            Objects.requireNonNull(brokerUrl, "brokerUrl"),
            topicFilter,
            sharedGroup,
            Objects.requireNonNull(clientIdPrefix, "clientIdPrefix"),
            splits,
            sessionExpiry,
            receiveMaximum,
            username,
            password),
        clock);
  }
}
