package io.greentwin.jobs.source;

import io.greentwin.sim.ReadingEncoder;
import io.greentwin.sim.ReadingSink;
import io.greentwin.sim.SensorPoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects the simulator's readings of a tick as JSON lines, with the simulator's own encoder. */
final class LineCollector implements ReadingSink {
  private final ReadingEncoder encoder = new ReadingEncoder();
  private final byte[] scratch = new byte[4096];
  private final List<String> lines = new ArrayList<>();

  @Override
  public void accept(SensorPoint point, double value, long eventTimeMs, long seq) {
    byte[] buf =
        point.jsonPrefix().length + ReadingEncoder.MAX_EXTRA_BYTES <= scratch.length
            ? scratch
            : new byte[point.jsonPrefix().length + ReadingEncoder.MAX_EXTRA_BYTES];
    int end = encoder.encode(point, value, eventTimeMs, seq, buf, 0);
    lines.add(new String(buf, 0, end, StandardCharsets.UTF_8));
  }

  @Override
  public void acceptMalformed(String raw) {
    lines.add(raw);
  }

  /** The lines collected since the last call. */
  String[] drain() {
    String[] out = lines.toArray(new String[0]);
    lines.clear();
    return out;
  }
}
