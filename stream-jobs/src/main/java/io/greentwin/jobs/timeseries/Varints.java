package io.greentwin.jobs.timeseries;

import java.util.Arrays;

/** LEB128 varints and zig-zag signed varints over a growable byte array, and a reader of them. */
final class Varints {
  private Varints() {}

  /** An append-only byte buffer. */
  static final class Writer {
    private byte[] buf;
    private int pos;

    Writer(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    void unsigned(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    void signed(long v) {
      unsigned((v << 1) ^ (v >> 63));
    }

    void fixed64(long v) {
      ensure(8);
      for (int i = 56; i >= 0; i -= 8) {
        buf[pos++] = (byte) (v >>> i);
      }
    }

    void bytes(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
    }

    void put(byte b) {
      ensure(1);
      buf[pos++] = b;
    }

    int size() {
      return pos;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
      if (pos + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
      }
    }
  }

  /** Reads what a {@link Writer} wrote; fails clearly on truncated input. */
  static final class Reader {
    private final byte[] buf;
    private final int end;
    private int pos;

    Reader(byte[] buf, int off, int len) {
      this.buf = buf;
      this.pos = off;
      this.end = off + len;
    }

    long unsigned() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = next();
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("corrupt time-series block: varint longer than 64 bits");
    }

    long signed() {
      long u = unsigned();
      return (u >>> 1) ^ -(u & 1);
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (next() & 0xFF);
      }
      return v;
    }

    byte next() {
      if (pos >= end) {
        throw new IllegalArgumentException("corrupt time-series block: truncated");
      }
      return buf[pos++];
    }

    int position() {
      return pos;
    }

    void skip(int n) {
      if (n < 0 || pos + n > end) {
        throw new IllegalArgumentException("corrupt time-series block: truncated");
      }
      pos += n;
    }
  }
}
