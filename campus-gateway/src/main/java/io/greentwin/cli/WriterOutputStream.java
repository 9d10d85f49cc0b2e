package io.greentwin.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Bytes to a writer, for commands run with character streams (tests, embedding). ASCII/UTF-8. */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter writer;

  WriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    writer.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    writer.write(new String(b, off, len, StandardCharsets.UTF_8));
  }

  @Override
  public void flush() {
    writer.flush();
  }
}
