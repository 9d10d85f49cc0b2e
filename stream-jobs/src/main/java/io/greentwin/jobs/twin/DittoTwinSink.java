package io.greentwin.jobs.twin;

import io.greentwin.jobs.deadletter.DeadLetterStore;
import java.io.IOException;
import java.time.Clock;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * The twin sink: a Sink V2 that sends {@link TwinPatch}es as Ditto Protocol commands over WebSocket
 * ({@code /ws/2}) with the official Eclipse Ditto client, so the same job writes to GreenTwin's
 * gateway or to a real Eclipse Ditto. At least once: each checkpoint waits for every patch's {@code
 * twin-persisted} acknowledgement ({@link TwinPatchWriter}); refused patches go to the dead-letter
 * store.
 */
public final class DittoTwinSink implements Sink<TwinPatch> {
  private static final long serialVersionUID = 1L;

  private final DittoSinkConfig config;
  private final Clock clock;

  public DittoTwinSink(DittoSinkConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public SinkWriter<TwinPatch> createWriter(WriterInitContext context) throws IOException {
    DittoChannel channel;
    try {
      channel = DittoChannel.connect(config);
    } catch (Exception e) {
      throw new IOException("cannot connect to the twin service at " + config.endpoint(), e);
    }
    return new TwinPatchWriter(
        channel,
        new DeadLetterStore(config.deadLetterJdbcUrl()),
        config,
        clock,
        context.metricGroup());
  }
}
