package io.greentwin.jobs.source;

import java.nio.file.Path;
import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Replays a recorded JSON-lines file ({@code greentwin simulate --out}, docs/SENSOR-FORMAT.md)
 * through Flink's {@link FileSource}, paced by the lines' event times at {@code speed} simulated
 * seconds per wall-clock second (0: as fast as possible). Parallelism 1 keeps the file's order.
 */
public final class ReplaySource implements RawSource {
  static final String UID = "replay-source";

  /** The accumulator (a {@code Long}) counting the lines replayed so far, for progress reports. */
  public static final String LINES_ACCUMULATOR = "replayed-lines";

  private final Path file;
  private final double speed;
  private final Clock clock;

  public ReplaySource(Path file, double speed, Clock clock) {
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be >= 0 but was " + speed);
    }
    this.file = file;
    this.speed = speed;
    this.clock = clock;
  }

  @Override
  public DataStream<RawReading> open(StreamExecutionEnvironment env) {
    FileSource<String> source =
        FileSource.forRecordStreamFormat(
                new TextLineInputFormat(),
                new org.apache.flink.core.fs.Path(file.toAbsolutePath().toUri()))
            .build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "replay " + file.getFileName())
        .uid(UID)
        .setParallelism(1)
        .map(new EventTimePacer(speed, "file:" + file.getFileName(), clock))
        .name("replay-pacer")
        .setParallelism(1);
  }
}
