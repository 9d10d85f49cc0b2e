package io.greentwin.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes readings as JSON lines (docs/SENSOR-FORMAT.md) to an output stream through a reused
 * buffer. Not thread-safe.
 */
public final class JsonLinesSink implements ReadingSink {
  private static final int FLUSH_AT = 60_000;

  private final OutputStream out;
  private final ReadingEncoder encoder = new ReadingEncoder();
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private long written;

  public JsonLinesSink(OutputStream out) {
    this.out = out;
  }

  @Override
  public void accept(SensorPoint p, double value, long eventTimeMs, long seq) {
    if (pos > FLUSH_AT) {
      flushBuffer();
    }
    pos = encoder.encode(p, value, eventTimeMs, seq, buf, pos);
    buf[pos++] = '\n';
    written++;
  }

  @Override
  public void acceptMalformed(String raw) {
    flushBuffer();
    byte[] line = (raw.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
    write(line, line.length);
    written++;
  }

  @Override
  public void close() {
    flushBuffer();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines written so far. */
  public long written() {
    return written;
  }

  private void flushBuffer() {
    write(buf, pos);
    pos = 0;
  }

  private void write(byte[] b, int len) {
    try {
      out.write(b, 0, len);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
