package io.greentwin.testsupport;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * This JVM's garbage collections so far, summed over its collectors: how many, and the time the
 * collectors report (for G1, the pauses of young, mixed and full collections).
 */
public record GcPauses(long count, long millis) {
  /** The totals of this JVM now. */
  public static GcPauses now() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new GcPauses(count, millis);
  }

  /** What happened since {@code earlier}. */
  public GcPauses since(GcPauses earlier) {
    return new GcPauses(count - earlier.count, millis - earlier.millis);
  }

  /** The wire form a child JVM answers with: {@code gc COUNT MILLIS}. */
  public String line() {
    return "gc " + count + " " + millis;
  }

  /** Parses {@link #line()}. */
  public static GcPauses parse(String line) {
    String[] f = line.trim().split(" ");
    if (f.length != 3 || !f[0].equals("gc")) {
      throw new IllegalArgumentException("not a GC line: " + line);
    }
    return new GcPauses(Long.parseLong(f[1]), Long.parseLong(f[2]));
  }

  @Override
  public String toString() {
    return count + " pauses, " + millis + " ms";
  }
}
